import type { Live } from '../sandbox/tensors.ts';
import type { RunOptions } from '../sandbox/protocol.ts';
import type { Rng } from '../basics/rng.ts';

/** The implementation a task exercises: the student's exports, the reference's, or a variant's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Impl = Record<string, any>;

export interface TaskContext {
  /** The export named by the check, for tasks that call one function. */
  exportName?: string;
  options: RunOptions;
  /** A seeded stream for this case, the same on every side of the comparison. */
  rng: (label: string) => Rng;
}

/**
 * Trusted code that runs in the sandbox around the implementation: it receives one case's
 * arguments (tensors already made) and returns what the parent compares. It must dispose
 * whatever it creates besides its return value, so that leftovers are the implementation's.
 */
export type Task = (impl: Impl, args: Live[], ctx: TaskContext) => unknown | Promise<unknown>;
export type TaskTable = Record<string, Task>;
