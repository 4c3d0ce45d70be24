import * as tf from '@tensorflow/tfjs';
import { checkNumber, checkTensorLists } from '../check.ts';

/** Σ over every parameter tensor of Σ f(θ), as one scalar (0 for an empty list). */
function total(params: tf.Tensor[], f: (p: tf.Tensor) => tf.Tensor): tf.Scalar {
  return params.reduce<tf.Scalar>((acc, p) => acc.add(f(p).sum()), tf.scalar(0)); // []
}

/** L1 penalty (notes 1.3.1): λ·Σ|θ| over all parameters. Its gradient is λ·sign(θ) away from 0 (at 0 tfjs.abs picks the subgradient −λ). */
export function l1Penalty(params: tf.Tensor[], lambda: number): tf.Scalar {
  checkTensorLists('l1Penalty', { params });
  checkNumber('l1Penalty', 'lambda', lambda, 0);
  return tf.tidy(() => total(params, (p) => p.abs()).mul(lambda)); // []
}

/**
 * L2 penalty: λ·Σθ², with no ½ (the contract's form; many texts use ½λΣθ² so that the
 * gradient is λθ: this one's gradient is 2λθ, and SGD on it decays weights by 2ηλ).
 */
export function l2Penalty(params: tf.Tensor[], lambda: number): tf.Scalar {
  checkTensorLists('l2Penalty', { params });
  checkNumber('l2Penalty', 'lambda', lambda, 0);
  return tf.tidy(() => total(params, (p) => p.square()).mul(lambda)); // []
}
