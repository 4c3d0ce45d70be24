import * as tf from '@tensorflow/tfjs';
import { checkNumber, checkRank, checkSameShape, checkTensor } from '../check.ts';

/** The axes the statistics are taken over: all but the last (the channels). */
function statAxes(x: tf.Tensor): number[] {
  return Array.from({ length: x.rank - 1 }, (_, i) => i);
}

/** gamma, beta (and running statistics) must be [C] for x's C channels. */
function checkChannels(who: string, x: tf.Tensor, params: Record<string, unknown>): void {
  const c = x.shape[x.rank - 1]!;
  for (const [name, p] of Object.entries(params)) {
    checkRank(who, name, p, 1);
    if (p.shape[0] !== c) throw new Error(`${who}: ${name} must be [${c}], one entry per channel of x, but got [${p.shape.join(',')}]`);
  }
}

function checkInput(who: string, x: unknown): asserts x is tf.Tensor {
  checkTensor(who, 'x', x);
  if (x.rank < 2) throw new Error(`${who}: x must be rank 2 or more (…, channels), but got rank ${x.rank}`);
}

/**
 * Batch normalization in training mode (notes 1.2.3), per channel c (the last axis), with
 * statistics over every other axis (the batch, and the height and width of an image):
 *
 *   μ = mean(x),  σ² = mean((x − μ)²)  (biased: divided by the count, not count − 1)
 *   y = γ · (x − μ) / √(σ² + ε) + β
 *
 * Two passes: the mean first, then the mean of the squared deviations. The one-pass
 * E[x²] − E[x]² cancels catastrophically in float32 when |μ| ≫ σ (μ = 10⁴, σ = 10⁻²: x² ≈ 10⁸
 * has a spacing of 8 between floats, the variance is 10⁻⁴).
 *
 * @returns y like x, and the batch's mean and (biased) variance, each [C]
 */
export function batchNormTrain(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): { y: tf.Tensor; mean: tf.Tensor1D; variance: tf.Tensor1D } {
  checkInput('batchNormTrain', x);
  checkChannels('batchNormTrain', x, { gamma, beta });
  checkNumber('batchNormTrain', 'eps', eps, 0);
  return tf.tidy(() => {
    const axes = statAxes(x);
    const mean = tf.mean(x, axes); // [C]
    const d = tf.sub(x, mean); // x − μ, like x
    const variance = tf.mean(tf.square(d), axes); // [C]
    const y = d.div(tf.sqrt(variance.add(eps))).mul(gamma).add(beta);
    return { y, mean: mean as tf.Tensor1D, variance: variance as tf.Tensor1D };
  });
}

/** Batch normalization at inference: the running statistics in place of the batch's, y = γ(x − μ_run)/√(σ²_run + ε) + β. */
export function batchNormEval(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, runningMean: tf.Tensor1D, runningVar: tf.Tensor1D, eps: number): tf.Tensor {
  checkInput('batchNormEval', x);
  checkChannels('batchNormEval', x, { gamma, beta, runningMean, runningVar });
  checkNumber('batchNormEval', 'eps', eps, 0);
  return tf.tidy(() => tf.sub(x, runningMean).div(tf.sqrt(runningVar.add(eps))).mul(gamma).add(beta));
}

/** The running average kept for inference: momentum · running + (1 − momentum) · batch. */
export function updateRunning(running: tf.Tensor, batch: tf.Tensor, momentum: number): tf.Tensor {
  checkTensor('updateRunning', 'running', running);
  checkTensor('updateRunning', 'batch', batch);
  checkSameShape('updateRunning', ['running', running], ['batch', batch]);
  checkNumber('updateRunning', 'momentum', momentum, 0, 1);
  return tf.tidy(() => tf.add(tf.mul(running, momentum), tf.mul(batch, 1 - momentum)));
}
