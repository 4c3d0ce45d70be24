import * as tf from '@tensorflow/tfjs';
import { checkInteger, checkRank } from '../check.ts';
import { everyNth } from './conv2d.ts';

/**
 * k×k max pooling with stride s and no padding (notes 1.2.2):
 *
 *   y[n, i, j, c] = max_{u < k, v < k} x[n, i·s + u, j·s + v, c]
 *
 * on x [N, H, W, C], giving [N, H', W', C] with H' = ⌊(H − k)/s⌋ + 1, W' = ⌊(W − k)/s⌋ + 1.
 *
 * A running tf.maximum over the k² strided views x[:, u::s, v::s, :], in row-major order of
 * (u, v). The gradient of tf.maximum(a, b) goes to a when a ≥ b, so on ties the whole
 * gradient of a window goes to its first maximum in row-major order: the rule of tf.maxPool
 * on the cpu backend and in TensorFlow (the course's answer; see the exercise README).
 */
export function maxPool2d(x: tf.Tensor4D, k: number, stride: number): tf.Tensor4D {
  checkRank('maxPool2d', 'x', x, 4);
  checkInteger('maxPool2d', 'k', k, 1);
  checkInteger('maxPool2d', 'stride', stride, 1);
  const [, h, w] = x.shape;
  const ho = Math.floor((h - k) / stride) + 1;
  const wo = Math.floor((w - k) / stride) + 1;
  if (ho < 1 || wo < 1) throw new Error(`maxPool2d: the window ${k}×${k} must fit in the input [${h},${w}], but it does not`);
  return tf.tidy(() => {
    let m: tf.Tensor4D | undefined;
    for (let u = 0; u < k; u++) {
      const rows = everyNth(x, 1, u, ho, stride); // [N, H', W, C]
      for (let v = 0; v < k; v++) {
        const view = everyNth(rows, 2, v, wo, stride); // [N, H', W', C]
        m = m === undefined ? view : tf.maximum(m, view) as tf.Tensor4D; // ties keep the earlier one
      }
    }
    return m!.clone(); // a new tensor even for k = s = 1
  });
}
