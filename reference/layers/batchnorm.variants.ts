import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

interface Options {
  /** Subtracted from the count in the variance's denominator: 1 for the unbiased variance. */
  ddof?: number;
  /** E[x²] − E[x]² instead of the two passes. */
  onePass?: boolean;
  /** (x − μ)/(√σ² + ε) instead of (x − μ)/√(σ² + ε). */
  epsOutside?: boolean;
  /** Leaves out γ and β. */
  noScaleShift?: boolean;
  /** μ and σ² read back into JS (dataSync) and made into new tensors: the values are right, but no gradient flows through them. */
  constantStats?: boolean;
}

/** A tensor with t's values and no connection to the tape (what tf.tensor(t.dataSync()) gives a student). */
const detached = (t: tf.Tensor): tf.Tensor => tf.tensor(t.dataSync(), t.shape, t.dtype);

const allButLast = (x: tf.Tensor): number[] => Array.from({ length: x.rank - 1 }, (_, i) => i);

/**
 * batchNormTrain with statistics over `axesOf(x)` and the mistakes of `o`; mean and variance
 * come back without the reduced axes (the shape a student returns them in).
 */
function train(axesOf: (x: tf.Tensor) => number[], o: Options = {}) {
  return (x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number) =>
    tf.tidy(() => {
      const axes = axesOf(x);
      const count = axes.reduce((n, a) => n * x.shape[a]!, 1);
      const mean = o.constantStats ? detached(tf.mean(x, axes, true)) : tf.mean(x, axes, true);
      const d = tf.sub(x, mean);
      const v = o.onePass
        ? tf.sub(tf.mean(tf.square(x), axes, true), tf.square(mean))
        : tf.sum(tf.square(d), axes, true).div(count - (o.ddof ?? 0));
      const variance = o.constantStats ? detached(v) : v;
      const xhat = d.div(o.epsOutside ? tf.sqrt(variance).add(eps) : tf.sqrt(variance.add(eps)));
      const y = o.noScaleShift ? xhat : xhat.mul(gamma).add(beta);
      return { y, mean: tf.squeeze(mean, axes), variance: tf.squeeze(variance, axes) };
    });
}

export const variants: Variant[] = [
  {
    id: 'unbiased-variance',
    verdict: 'mistake',
    hint: 'Your output matches the unbiased variance (divided by count − 1): batchnorm normalizes with the biased variance, the mean of (x − μ)² divided by the count of values per channel.',
    exports: { batchNormTrain: train(allButLast, { ddof: 1 }) },
  },
  {
    id: 'eps-outside-sqrt',
    verdict: 'mistake',
    hint: 'Your output matches (x − μ)/(√σ² + ε): ε goes inside the square root, (x − μ)/√(σ² + ε). The two differ when σ² is small, as in a channel with a tiny spread.',
    exports: { batchNormTrain: train(allButLast, { epsOutside: true }) },
  },
  {
    id: 'one-pass-variance',
    verdict: 'mistake',
    hint: 'Your output matches the one-pass variance E[x²] − E[x]²: in float32 it cancels catastrophically when the mean is large and the spread small (mean 10⁴, std 10⁻²: x² ≈ 10⁸ is stored to within 8). Compute the mean first, then the mean of (x − μ)².',
    exports: { batchNormTrain: train(allButLast, { onePass: true }) },
  },
  {
    id: 'feature-axis',
    verdict: 'mistake',
    hint: 'Your output matches statistics over the last axis (one mean per example, like layer normalization): batchnorm takes one mean and variance per channel (the last axis), over every other axis (the batch, and height and width for images).',
    exports: { batchNormTrain: train((x) => [x.rank - 1]) },
  },
  {
    id: 'batch-axis-only',
    verdict: 'mistake',
    hint: 'Your output matches statistics over the batch axis only (one mean per pixel and channel): for images [N, H, W, C] batchnorm averages over N, H and W, giving one mean and variance per channel.',
    exports: { batchNormTrain: train(() => [0]) },
  },
  {
    id: 'no-scale-shift',
    verdict: 'mistake',
    hint: 'Your output matches (x − μ)/√(σ² + ε) without γ and β: the notes leave them out, but batchnorm scales and shifts the normalized value, y = γ·x̂ + β, so that the layer can undo the normalization if training wants to.',
    exports: { batchNormTrain: train(allButLast, { noScaleShift: true }) },
  },
  {
    id: 'eval-batch-statistics',
    verdict: 'mistake',
    hint: "Your batchNormEval matches normalization with the batch's own statistics: at inference use the running mean and variance handed in, so that an example's output does not depend on the rest of the batch.",
    exports: {
      batchNormEval: (x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, _m: tf.Tensor1D, _v: tf.Tensor1D, eps: number) =>
        tf.tidy(() => train(allButLast)(x, gamma, beta, eps).y),
    },
  },
  {
    id: 'eval-eps-outside-sqrt',
    verdict: 'mistake',
    hint: 'Your batchNormEval matches (x − μ)/(√σ² + ε): ε goes inside the square root, (x − μ)/√(σ² + ε).',
    exports: {
      batchNormEval: (x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, m: tf.Tensor1D, v: tf.Tensor1D, eps: number) =>
        tf.tidy(() => tf.sub(x, m).div(tf.sqrt(v).add(eps)).mul(gamma).add(beta)),
    },
  },
  {
    id: 'momentum-swapped',
    verdict: 'mistake',
    hint: 'Your updateRunning matches (1 − momentum)·running + momentum·batch: momentum weights the old running value, momentum·running + (1 − momentum)·batch (momentum 0.9 keeps 90% of the history).',
    exports: {
      updateRunning: (running: tf.Tensor, batch: tf.Tensor, momentum: number) => tf.tidy(() => tf.add(tf.mul(running, 1 - momentum), tf.mul(batch, momentum))),
    },
  },
  {
    id: 'statistics-without-gradient',
    verdict: 'mistake',
    hint: 'Your gradient matches μ and σ² computed outside TensorFlow (read with dataSync()/arraySync() and made into new tensors): the values are right, but no gradient flows through the statistics, so ∂y/∂x misses the terms through μ and σ². Compute them with tf.mean and tf ops on x.',
    exports: { batchNormTrain: train(allButLast, { constantStats: true }) },
  },
];
