import type { BackendChoice, BackendName } from '../backends/names.ts';
import type { Case, Wire } from '../basics/wire.ts';

/** Which implementation a request runs: the student's bundle, the answer key, or one of its variants. */
export type ImplRef = { kind: 'submission' } | { kind: 'reference' } | { kind: 'variant'; id: string };

export interface RunOptions {
  /** Gradient task: argument paths to differentiate and the output path. */
  wrt?: string[];
  output?: string;
  /** Accuracy tasks: the training budget from the manifest. */
  budget?: Record<string, unknown>;
  seed: number;
}

export type ParentMessage =
  | {
      type: 'load-submission';
      code: string;
      filename: string;
      /** Student sandbox: the exercise, whose bundled task table (see runtime.ts) is imported before the submission's code runs. */
      exercise?: string;
      tasksModule?: string | null;
    }
  | { type: 'load-reference'; exercise: string; reference: string; variants?: string }
  | {
      type: 'run';
      id: number;
      exercise: string;
      impl: ImplRef;
      task: string;
      export?: string;
      cases: Case[];
      options: RunOptions;
      /** Student sandbox: the bundled task table the parent built for the exercise (see runtime.ts). */
      tasksModule?: string | null;
    };

export interface ErrorInfo {
  name: string;
  message: string;
  /** "file.ts:12:5" of the deepest frame in the student's own file, when there is one. */
  where?: string;
  notImplemented: boolean;
  /** An allocation failed (typed array, wasm heap): the memory cap was reached. */
  outOfMemory?: boolean;
}

export type CaseOutcome = { ok: true; value: Wire } | { ok: false; error: ErrorInfo };

export interface RunReport {
  type: 'result';
  id: number;
  outcomes: CaseOutcome[];
  /** Kernels that ran while the implementation's own functions were on the stack. */
  kernels: string[];
  /** tf namespace members and tensor methods the implementation touched. */
  names: string[];
  /** Tensors alive after the request that were not alive before it. */
  leaked: number;
  ms: number;
  /** Peak resident memory of the sandbox process so far, in MB. */
  peakRssMb: number;
}

export type ChildMessage =
  | { type: 'ready'; backend: BackendName; reason: string }
  | { type: 'startup-failed'; message: string }
  | { type: 'loaded'; exports: Record<string, string>; variants?: VariantInfo[] }
  | { type: 'load-failed'; error: ErrorInfo }
  | RunReport
  | { type: 'run-failed'; id: number; error: ErrorInfo }
  /** Sent just before the process exits on an error nobody caught (a timer, a callback, a promise). */
  | { type: 'fatal'; what: 'an uncaught exception' | 'an unhandled promise rejection'; error: ErrorInfo }
  | ProgressReport;

/**
 * How far a running request got (a training's epoch, a sampler's step), sent by the task around
 * the implementation. It only ever feeds the progress line: a forged one can mislead that line,
 * never a verdict.
 */
export interface ProgressReport {
  type: 'progress';
  id: number;
  /** Units done and in all (epochs, steps). */
  done: number;
  total: number;
  /** What a unit is: "epoch", "step". */
  unit: string;
  /** A running figure, e.g. "loss 0.31". */
  note?: string;
}

export interface ChildArgs {
  backend: BackendChoice;
  role: 'student' | 'trusted';
}

/** A known variant of the answer key: correct-but-different ('accepted') or a common mistake. */
export interface VariantInfo {
  id: string;
  verdict: 'accepted' | 'mistake';
  hint: string;
}
