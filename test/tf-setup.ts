import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../grader/backends/select.ts';
import type { BackendName } from '../grader/backends/names.ts';

/** For tests: make `name` the active backend of this worker (wasm by default). */
export async function useBackend(name: BackendName = 'wasm'): Promise<typeof tf> {
  if (tf.getBackend() !== (name === 'gpu' || name === 'node' ? 'tensorflow' : name)) await selectBackend(name);
  return tf;
}

/** Runs `fn` and asserts it leaves no tensor behind; returns fn's result. */
export async function expectNoLeak<T>(fn: () => T | Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const out = await fn();
  const after = tf.memory().numTensors;
  if (after !== before) throw new Error(`leaked ${after - before} tensor(s)`);
  return out;
}
