import * as tf from '@tensorflow/tfjs';
import { sameSeedTask } from '../shared/seeded-draws/task.ts';
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
};
