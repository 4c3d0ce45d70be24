import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * Inverted dropout (notes 1.3.2). While training, zero each unit independently with
 * probability `rate` and divide the kept ones by (1 − rate); when not training, return x.
 *
 * @param x        any shape
 * @param rate     probability of DROPPING a unit, in [0, 1)
 * @param training false: the identity
 * @param seed     fixes the mask: the same seed gives the same mask
 * @returns a new tensor shaped like x
 */
export function dropout(x: tf.Tensor, rate: number, training: boolean, seed: number): tf.Tensor {
  throw new NotImplemented('dropout');
}
