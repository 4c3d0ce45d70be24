import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * k×k max pooling with stride s and no padding (notes 1.2.2):
 *
 *   y[n, i, j, c] = max_{u < k, v < k} x[n, i·s + u, j·s + v, c]
 *
 * Build it from tf.slice, tf.reshape, tf.maximum and the like (no tf.maxPool, tf.pool or
 * tf.avgPool). Gradient: each window passes its gradient to one maximum, the first in
 * row-major order on ties (see the README).
 *
 * @param x      [N, H, W, C] a batch of images, channels last
 * @param k      the window is k×k
 * @param stride the step between windows, down and across
 * @returns [N, ⌊(H − k)/s⌋ + 1, ⌊(W − k)/s⌋ + 1, C]
 */
export function maxPool2d(x: tf.Tensor4D, k: number, stride: number): tf.Tensor4D {
  throw new NotImplemented('maxPool2d');
}
