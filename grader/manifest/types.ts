import type { BackendName } from '../backends/names.ts';

export type CheckKind = 'output' | 'gradient' | 'accuracy' | 'api' | 'property' | 'distribution';

export interface Tolerance {
  rtol?: number;
  atol?: number;
  backends?: Partial<Record<BackendName, { rtol?: number; atol?: number }>>;
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
