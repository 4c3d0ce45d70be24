import * as tf from '@tensorflow/tfjs';
import type { TaskTable } from './types.ts';

export const tasks: TaskTable = {
  /** One sweep at a time from x0: the states after 0, 1, …, sweeps sweeps, [sweeps + 1, B, n]. */
  descent(impl, args) {
    const [x0, w, sweeps, seed] = args as [tf.Tensor2D, tf.Tensor2D, number, number];
    const states: tf.Tensor[] = [x0.clone()];
    try {
      for (let s = 0; s < sweeps; s++) {
        const next = impl.recall(states[s], w, 1, seed + s);
        if (!(next instanceof tf.Tensor)) throw new TypeError('recall must return a tf.Tensor');
        states.push(next);
      }
      return tf.tidy(() => tf.stack(states.map((t) => t.toFloat())));
    } finally {
      tf.dispose(states);
    }
  },
  /** recall(probes, w, sweeps, seed). */
  recover(impl, args) {
    const [x0, w, sweeps, seed] = args as [tf.Tensor2D, tf.Tensor2D, number, number];
    return impl.recall(x0, w, sweeps, seed);
  },
};
