import * as tf from '@tensorflow/tfjs';
import { commonTasks } from '../../tasks/common.ts';
import type { TaskTable } from '../../tasks/types.ts';

export const tasks: TaskTable = {
  /**
   * The gradient task for λ·Σ|θ|, which has a kink at θ = 0: there every value in [−λ, λ]
   * is a valid subgradient, and tfjs's own choice depends on how |θ| is written (tf.abs
   * gives −λ, θ·sign(θ) gives 0, tf.maximum(θ, −θ) gives +λ, √(θ²) gives NaN). So at
   * θ = 0 a finite entry within λ·|dy| is reported as 0 on both sides, and anything else
   * (NaN, ±∞, outside the interval) is left as it is to fail the comparison. dy is the
   * task's cotangent: the first draw of the case's 'cotangent' stream, as in `gradient`.
   */
  subgradient(impl, args, ctx) {
    const grads = commonTasks.gradient!(impl, args, ctx) as Record<string, tf.Tensor>;
    const lambda = args[1];
    if (typeof lambda !== 'number') throw new Error('grader: subgradient expects (params, lambda)');
    const dy = Math.abs(ctx.rng('cotangent').normal());
    const bound = lambda * dy * (1 + 1e-5) + 1e-7;
    const out: Record<string, tf.Tensor> = {};
    for (const [path, g] of Object.entries(grads)) {
      const x = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], args) as tf.Tensor;
      out[path] = tf.tidy(() => {
        const atKink = tf.logicalAnd(tf.equal(x, 0), tf.lessEqual(tf.abs(g), bound)); // false for NaN
        return tf.where(atKink, tf.zerosLike(g), g);
      });
      g.dispose();
    }
    return out;
  },
};
