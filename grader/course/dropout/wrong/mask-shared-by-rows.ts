// One mask over the last axis, shared by every row (a noise shape [d] that broadcasts): each unit is
// kept with probability 1 − rate, but whole columns are kept or dropped together.
import * as tf from '@tensorflow/tfjs';

// One mask over the last axis, shared by every row (noise_shape [1, ..., d]).
export function dropout(x: tf.Tensor, rate: number, training: boolean, seed: number): tf.Tensor {
  if (!training || rate === 0) return x.clone();
  return tf.tidy(() => {
    const d = x.shape[x.shape.length - 1]!;
    const keep = tf.randomUniform([d], 0, 1, 'float32', seed).greaterEqual(rate).toFloat();
    return x.mul(keep).div(1 - rate);
  });
}
