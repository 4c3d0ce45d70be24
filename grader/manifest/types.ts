import type { BackendName } from '../backends/names.ts';

export type CheckKind = 'output' | 'gradient' | 'accuracy' | 'api' | 'property' | 'distribution';

export interface Tolerance {
  rtol?: number;
  atol?: number;
  backends?: Partial<Record<BackendName, { rtol?: number; atol?: number }>>;
}

/** Structure checks: what the student's model must contain (grader/judges/structure.ts). */
export interface StructureRequirements {
  /** Minimum number of layers per class name ("Conv2D": 1). */
  layers?: Record<string, number>;
  /** A join of this class with one input computed (through weights) from another: a residual (Add) or dense (Concatenate) connection. */
  skip?: 'Add' | 'Concatenate';
  /** Every layer of these classes is followed by a ReLU (its own activation or the layers it feeds). */
  reluAfter?: string[];
  /** Some layer before the output has a nonlinear activation. */
  nonlinearHidden?: boolean;
  /** The output layer is linear (logits, no softmax). */
  logits?: boolean;
  /** The builder returns the model uncompiled. */
  uncompiled?: boolean;
  /** No Dropout layer has a seed. */
  unseededDropout?: boolean;
  /** No two layers' kernel initializers share a seed. */
  distinctSeeds?: boolean;
}

export interface CheckSpec {
  name: string;
  kind: CheckKind;
  points: number;
  hidden?: boolean;
  task?: string;
  export?: string;
  cases?: string;
  wrt?: string[];
  output?: string;
  tolerance?: Tolerance;
  margin?: number;
  budget?: Record<string, unknown>;
  forbidden?: { names?: string[]; kernels?: string[] };
  timeoutSeconds?: number;
  judge?: string;
  withReference?: boolean;
  /** The README rule this check enforces, quoted; behaviour judges name it in their messages. */
  rule?: string;
  /** Structure checks (judge modelStructure): what the model must contain. */
  requires?: StructureRequirements;
}

export interface Manifest {
  id: string;
  title: string;
  notes: string;
  exports: Record<string, 'function' | 'class' | 'object'>;
  /** The answer key; absent only in the student edition. */
  reference?: string;
  variants?: string;
  defaultTimeoutSeconds?: number;
  checks: CheckSpec[];
}
