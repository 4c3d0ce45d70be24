import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * A 2-D convolutional layer (notes 1.2.2): a cross-correlation summed over the input
 * channels, with one bias per output channel,
 *
 *   y[n, i, j, c2] = b[c2] + Σ_{u < k1} Σ_{v < k2} Σ_{c1} w[u, v, c1, c2] · xp[n, i·s1 + u, j·s2 + v, c1]
 *
 * where xp is x with p1 zero rows above and below and p2 zero columns left and right.
 * Build it from tf.pad, tf.slice, tf.reshape, tf.concat, tf.matMul and arithmetic (no
 * tf.conv2d or its relatives; tf.stridedSlice has no gradient in tfjs).
 *
 * @param x      [N, H, W, C1] a batch of images, channels last
 * @param w      [k1, k2, C1, C2] the kernels
 * @param b      [C2] one bias per output channel
 * @param stride [s1, s2] the step down the rows and across the columns
 * @param pad    [p1, p2] zero rows added above and below, zero columns left and right
 * @returns [N, ⌊(H − k1 + 2p1)/s1⌋ + 1, ⌊(W − k2 + 2p2)/s2⌋ + 1, C2]
 */
export function conv2d(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, stride: [number, number], pad: [number, number]): tf.Tensor4D {
  throw new NotImplemented('conv2d');
}
