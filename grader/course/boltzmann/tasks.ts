import * as tf from '@tensorflow/tfjs';
import type { TaskTable } from '../../tasks/types.ts';

export const tasks: TaskTable = {
  /** `sweeps` calls of gibbsSweep from x0, a fresh seed per sweep; the final states [C, n]. */
  chains(impl, args, ctx) {
    const [x0, w, bias, sweeps] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, number, number];
    const seeds = ctx.rng('sweep-seeds');
    let x: tf.Tensor = x0.clone();
    for (let s = 0; s < sweeps; s++) {
      const next = impl.gibbsSweep(x, w, bias, seeds.seed32());
      if (!(next instanceof tf.Tensor)) throw new TypeError('gibbsSweep must return a tf.Tensor');
      if (next !== x) x.dispose();
      x = next;
    }
    return x;
  },
};
