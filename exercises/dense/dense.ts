import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * A fully connected layer without activation (notes 1.2.1): y = xW + b.
 * The notes write Wx for one column vector with W [m, n]; here a batch of row vectors
 * x [N, n] meets W [n, m] (inputs × outputs, the layout of tf.layers.dense).
 *
 * @param x [N, n] a batch of N inputs with n features
 * @param w [n, m] the weights
 * @param b [m]    the bias, added to every row
 * @returns [N, m]
 */
export function dense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  throw new NotImplemented('dense');
}

/**
 * σ(x) = 1/(1 + e⁻ˣ), elementwise on any shape, without overflow for large |x|
 * (write it from tf.exp, tf.where and arithmetic; no tf.sigmoid).
 */
export function sigmoid<T extends tf.Tensor>(x: T): T {
  throw new NotImplemented('sigmoid');
}

/**
 * tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ), elementwise on any shape, without overflow for large |x|
 * (no tf.tanh).
 */
export function tanh<T extends tf.Tensor>(x: T): T {
  throw new NotImplemented('tanh');
}

/** ReLU(x) = max(0, x), elementwise on any shape (from tf.maximum or arithmetic; no tf.relu). */
export function relu<T extends tf.Tensor>(x: T): T {
  throw new NotImplemented('relu');
}
