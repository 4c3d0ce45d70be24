// Drops exactly round(rate·n) units, chosen by a seeded random permutation: the kept fraction is
// always right, but units are not dropped independently (every call on n units keeps the same count).
import * as tf from '@tensorflow/tfjs';

// Drops exactly round(rate·n) units, chosen by a seeded random permutation (not independent draws).
export function dropout(x: tf.Tensor, rate: number, training: boolean, seed: number): tf.Tensor {
  if (!training || rate === 0) return x.clone();
  return tf.tidy(() => {
    const n = x.size;
    const u = tf.randomUniform([n], 0, 1, 'float32', seed);
    const order = tf.topk(u, n).indices; // a random permutation
    const rank = tf.scatterND(tf.expandDims(order, 1), tf.range(0, n, 1, 'int32'), [n]);
    const keep = tf.greaterEqual(rank, Math.round(rate * n)).toFloat().reshape(x.shape);
    return x.mul(keep).div(1 - rate);
  });
}
