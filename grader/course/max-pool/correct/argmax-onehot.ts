// Correct, with tf.argMax and a tf.oneHot mask over the stacked views: the first maximum selected, the gradient to that element only
import * as tf from '@tensorflow/tfjs';

function view(x: tf.Tensor4D, u: number, v: number, ho: number, wo: number, s: number): tf.Tensor4D {
  const [n, , , c] = x.shape;
  const block = tf.slice(x, [0, u, v, 0], [n, (ho - 1) * s + 1, (wo - 1) * s + 1, c]);
  const full = tf.pad(block, [[0, 0], [0, s - 1], [0, s - 1], [0, 0]]);
  // [N, Ho·s, Wo·s, C] → [N·Ho, s, Wo, s·C]: stride phase 0 is the first row and the first C
  const r = full.reshape([n * ho, s, wo, s * c]);
  return tf.slice(r, [0, 0, 0, 0], [n * ho, 1, wo, c]).reshape([n, ho, wo, c]) as tf.Tensor4D;
}

// Stack the k² views on a last axis, pick the first maximum with argMax and select it with a
// one-hot mask: the gradient reaches that one element only.
export function maxPool2d(x: tf.Tensor4D, k: number, stride: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w] = x.shape;
    const ho = Math.floor((h - k) / stride) + 1;
    const wo = Math.floor((w - k) / stride) + 1;
    const views: tf.Tensor4D[] = [];
    for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) views.push(view(x, u, v, ho, wo, stride));
    if (views.length === 1) return views[0].clone();
    const stacked = tf.stack(views, -1); // [N, Ho, Wo, C, k²]
    const first = tf.argMax(stacked, -1);
    const mask = tf.oneHot(first, k * k).toFloat();
    return stacked.mul(mask).sum(-1) as tf.Tensor4D;
  });
}
