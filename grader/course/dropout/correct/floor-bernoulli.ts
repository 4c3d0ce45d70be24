// Correct, with the mask as floor(u + keep): seeded u ~ U[0, 1), an early return of a clone when not training or at rate 0
import * as tf from '@tensorflow/tfjs';

// Bernoulli(keep) as floor(u + keep) for u ~ U[0, 1)
export function dropout(x: tf.Tensor, rate: number, training: boolean, seed: number): tf.Tensor {
  if (!training || rate === 0) return x.clone();
  const keep = 1 - rate;
  return tf.tidy(() => {
    const u = tf.randomUniform(x.shape, 0, 1, 'float32', seed);
    const mask = u.add(keep).floor();
    return x.mul(mask).div(keep);
  });
}
