import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * One step of stochastic gradient descent (notes 0.3.2): θ ← θ − η·∇L for every parameter.
 *
 * @param params the parameter tensors θ (any shapes)
 * @param grads  their gradients ∇L, one per parameter, same shapes
 * @param lr     the learning rate η
 * @returns new tensors for the updated parameters (do not dispose or modify the inputs)
 */
export function sgdStep(params: tf.Tensor[], grads: tf.Tensor[], lr: number): tf.Tensor[] {
  throw new NotImplemented('sgdStep');
}
