import * as tf from '@tensorflow/tfjs';
import { callPure } from '../../tasks/common.ts';
import type { Impl, TaskTable } from '../../tasks/types.ts';

/** recall through the hygiene guard (inputs neither disposed, written into nor returned). */
function recall(impl: Impl, x0: tf.Tensor, w: tf.Tensor, sweeps: number, seed: number): tf.Tensor {
  if (typeof impl.recall !== 'function') throw new TypeError('recall is not exported as a function');
  const out = callPure(impl.recall, [x0, w, sweeps, seed], 'recall');
  if (!(out instanceof tf.Tensor)) throw new TypeError('recall must return a tf.Tensor');
  return out;
}

export const tasks: TaskTable = {
  /** One sweep at a time from x0: the states after 0, 1, …, sweeps sweeps, [sweeps + 1, B, n]. */
  descent(impl, args) {
    const [x0, w, sweeps, seed] = args as [tf.Tensor2D, tf.Tensor2D, number, number];
    const states: tf.Tensor[] = [x0.clone()];
    try {
      for (let s = 0; s < sweeps; s++) states.push(recall(impl, states[s]!, w, 1, seed + s));
      return tf.tidy(() => tf.stack(states.map((t) => t.toFloat())));
    } finally {
      tf.dispose(states);
    }
  },
  /** recall(probes, w, sweeps, seed). */
  recover(impl, args) {
    const [x0, w, sweeps, seed] = args as [tf.Tensor2D, tf.Tensor2D, number, number];
    return recall(impl, x0, w, sweeps, seed);
  },
  /**
   * recall from the same starts and seed with sweeps = 0, 1, 2 and 3, and one sweep from the
   * one-sweep result with the same seed again (`oneThenOne`: the first sweep's order twice,
   * where sweeps = 2 must use a new order for its second sweep): judged by `sweepsCount`.
   */
  sweepsProbe(impl, args) {
    const [x0, w, seed] = args as [tf.Tensor2D, tf.Tensor2D, number];
    const one = recall(impl, x0, w, 1, seed);
    return { zero: recall(impl, x0, w, 0, seed), one, two: recall(impl, x0, w, 2, seed), oneThenOne: recall(impl, one, w, 1, seed), three: recall(impl, x0, w, 3, seed) };
  },
};
