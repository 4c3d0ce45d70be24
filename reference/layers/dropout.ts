import * as tf from '@tensorflow/tfjs';
import { checkNumber, checkTensor } from '../check.ts';

/**
 * Inverted dropout (notes 1.3.2): while training, zero each unit with probability `rate` and
 * scale the survivors by 1/(1 − rate), so E[y] = x and evaluation needs no rescaling; at
 * evaluation, the identity. `seed` fixes the mask (tfjs: the same seed gives the same draws).
 */
export function dropout(x: tf.Tensor, rate: number, training: boolean, seed: number): tf.Tensor {
  checkTensor('dropout', 'x', x);
  checkNumber('dropout', 'rate', rate, 0, 1, true);
  if (!training || rate === 0) return x.clone();
  return tf.tidy(() => {
    const keep = tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, 'float32', seed), rate); // P(keep) = 1 − rate
    return tf.div(tf.mul(x, tf.cast(keep, x.dtype)), 1 - rate);
  });
}
