import * as tf from '@tensorflow/tfjs';
import { sameSeedTask } from '../shared/seeded-draws/task.ts';
import { callPure } from '../../tasks/common.ts';
import type { TaskTable } from '../../tasks/types.ts';

export const tasks: TaskTable = {
  /** dropout(x, rate, true, seed) twice with the seed and once with another. */
  sameSeed: sameSeedTask((impl, [x, rate], seed) => impl.dropout(x as tf.Tensor, rate as number, true, seed)),
  /** The output and the gradient of Σ y·dy w.r.t. x, with the dy used, for the same seed. */
  gradientThroughKept(impl, args, ctx) {
    const [x, rate, seed] = args as [tf.Tensor, number, number];
    const dy = tf.tensor(ctx.rng('cotangent').normals(x.size), x.shape);
    const y = impl.dropout(x, rate, true, seed) as tf.Tensor;
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(impl.dropout(t, rate, true, seed) as tf.Tensor, dy)))(x);
    return { y, grad, dy };
  },
  /**
   * Whether units are dropped one by one, independently: `calls` calls on `units` ones, each
   * with a fresh seed (how many units each call keeps), and one call on ones [rows, cols] (how
   * many units each row and each column keeps). args [units, calls, rate, rows, cols, gridRate].
   */
  independence(impl, args, ctx) {
    const [units, calls, rate, rows, cols, gridRate] = args as number[];
    const seeds = ctx.rng('independence-seeds');
    const drop = (x: tf.Tensor, r: number): tf.Tensor => {
      const y = callPure(impl.dropout, [x, r, true, seeds.seed32()], 'dropout');
      if (!(y instanceof tf.Tensor)) throw new TypeError('dropout must return a tf.Tensor');
      return y;
    };
    const keptIn = (y: tf.Tensor) => tf.tidy(() => tf.cast(tf.notEqual(y, 0), 'float32'));
    const small = tf.ones([2, units! / 2]);
    const keptPerCall = new Float32Array(calls!);
    try {
      for (let k = 0; k < calls!; k++) {
        const y = drop(small, rate!);
        keptPerCall[k] = tf.tidy(() => tf.sum(keptIn(y)).dataSync()[0]!);
        y.dispose();
      }
    } finally {
      small.dispose();
    }
    const grid = tf.ones([rows!, cols!]);
    try {
      const y = drop(grid, gridRate!);
      const kept = keptIn(y);
      const out = { keptPerCall: tf.tensor1d(keptPerCall), keptPerRow: tf.sum(kept, 1), keptPerColumn: tf.sum(kept, 0) };
      tf.dispose([y, kept]);
      return out;
    } finally {
      grid.dispose();
    }
  },
};
