import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * Batch normalization in training mode (notes 1.2.3). Per channel (the last axis), over
 * every other axis (the batch; and height and width for images [N, H, W, C]):
 *
 *   μ = mean(x),  σ² = mean((x − μ)²)   (biased: divide by the count, not count − 1)
 *   y = γ · (x − μ) / √(σ² + ε) + β
 *
 * Compute σ² in two passes (the mean first, then the mean of the squared deviations), not as
 * E[x²] − E[x]². No tf.batchNorm or tf.moments.
 *
 * @param x     [N, C] or [N, H, W, C]
 * @param gamma [C] the trainable scale γ
 * @param beta  [C] the trainable shift β
 * @param eps   ε, inside the square root
 * @returns y like x, and the batch's mean and biased variance, each [C]
 */
export function batchNormTrain(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): { y: tf.Tensor; mean: tf.Tensor1D; variance: tf.Tensor1D } {
  throw new NotImplemented('batchNormTrain');
}

/**
 * Batch normalization at inference: y = γ · (x − μ_run) / √(σ²_run + ε) + β, with the
 * running statistics handed in instead of the batch's.
 *
 * @param runningMean [C]
 * @param runningVar  [C]
 */
export function batchNormEval(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, runningMean: tf.Tensor1D, runningVar: tf.Tensor1D, eps: number): tf.Tensor {
  throw new NotImplemented('batchNormEval');
}

/** The running average kept for inference: momentum · running + (1 − momentum) · batch, a new tensor like running. */
export function updateRunning(running: tf.Tensor, batch: tf.Tensor, momentum: number): tf.Tensor {
  throw new NotImplemented('updateRunning');
}
