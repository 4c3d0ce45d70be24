// The Gaussian log-likelihood sums over axis 1 only: right for [N, d], but image-shaped
// [N, H, W, C] inputs give [N, W, C] instead of [N].
import * as tf from '@tensorflow/tfjs';

const LOG_2PI = Math.log(2 * Math.PI);

/** Sums every axis but the first: [N, ...] → [N]. */
function sumPerExample(x: tf.Tensor): tf.Tensor1D {
  const axes = Array.from({ length: x.rank - 1 }, (_, i) => i + 1);
  return (axes.length === 0 ? x : tf.sum(x, axes)) as tf.Tensor1D;
}

/**
 * log p(x) of binary data under independent Bernoulli pixels with p = σ(logits) (notes 2.1),
 * per example, summed over pixels:
 *   log p(x) = Σ x·log σ(l) + (1 − x)·log σ(−l) = Σ x·l − softplus(l),
 * written max(l, 0) − l·x + log(1 + e^−|l|) so that logits of ±1000 give no Inf or NaN.
 */
export function bernoulliLogLikelihood(x: tf.Tensor, logits: tf.Tensor): tf.Tensor1D {
  if (x.rank < 1) throw new Error('bernoulliLogLikelihood: x must have a batch axis, but got rank 0');
  return tf.tidy(() => {
    const nll = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, x)), tf.log1p(tf.exp(tf.neg(tf.abs(logits))))); // [N, ...]
    return tf.neg(sumPerExample(nll)) as tf.Tensor1D;
  });
}

/**
 * log N(x; mean, exp(logVar)) with a diagonal covariance, per example, summed over dimensions:
 *   Σ −½ (log 2π + logVar + (x − mean)² · e^−logVar).
 * `mean` and `logVar` have x's shape.
 */
export function gaussianLogLikelihood(x: tf.Tensor, mean: tf.Tensor, logVar: tf.Tensor): tf.Tensor1D {
  if (x.rank < 1) throw new Error('gaussianLogLikelihood: x must have a batch axis, but got rank 0');
  return tf.tidy(() => {
    const sq = tf.mul(tf.square(tf.sub(x, mean)), tf.exp(tf.neg(logVar)));
    return tf.mul(-0.5, tf.sum(tf.add(tf.add(sq, logVar), LOG_2PI), 1)) as tf.Tensor1D;
  });
}
