import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * L1 penalty (notes 1.3.1): λ·Σ|θ|, summed over every entry of every parameter tensor.
 *
 * @param params the parameter tensors θ (any shapes; an empty list gives 0)
 * @param lambda the regularisation strength λ ≥ 0
 * @returns a scalar tensor (do not dispose or modify the inputs)
 */
export function l1Penalty(params: tf.Tensor[], lambda: number): tf.Scalar {
  throw new NotImplemented('l1Penalty');
}

/**
 * L2 penalty (notes 1.3.1): λ·Σθ², summed over every entry of every parameter tensor, with no ½.
 *
 * @param params the parameter tensors θ (any shapes; an empty list gives 0)
 * @param lambda the regularisation strength λ ≥ 0
 * @returns a scalar tensor (do not dispose or modify the inputs)
 */
export function l2Penalty(params: tf.Tensor[], lambda: number): tf.Scalar {
  throw new NotImplemented('l2Penalty');
}
