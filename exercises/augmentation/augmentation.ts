import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/** Mirror the columns of every image. x: [N, H, W, C]. */
export function flipHorizontal(x: tf.Tensor4D): tf.Tensor4D {
  throw new NotImplemented('flipHorizontal');
}

/**
 * Move the content dy rows down and dx columns right (negative values: up, left); pixels
 * left empty are 0. x: [N, H, W, C]; dy, dx integers.
 */
export function shift(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  throw new NotImplemented('shift');
}

/**
 * Rotate every image about its centre ((H − 1)/2, (W − 1)/2) by `radians`; positive turns the
 * content counter-clockwise as displayed with row 0 at the top. Bilinear interpolation;
 * neighbours outside the image count as 0. x: [N, H, W, C].
 */
export function rotate(x: tf.Tensor4D, radians: number): tf.Tensor4D {
  throw new NotImplemented('rotate');
}

/** x + Gaussian noise of standard deviation `std`; the same seed gives the same noise. */
export function addNoise(x: tf.Tensor, std: number, seed: number): tf.Tensor {
  throw new NotImplemented('addNoise');
}
