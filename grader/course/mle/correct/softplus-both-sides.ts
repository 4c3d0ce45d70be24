// Correct, with tf.softplus on both sides: −(x·softplus(−l) + (1 − x)·softplus(l)), sums by reshape to [N, −1], the Gaussian's constant once per example
import * as tf from '@tensorflow/tfjs';

// Σ over every axis but the first: reshape to [N, -1]
const perExample = (t: tf.Tensor): tf.Tensor1D => t.reshape([t.shape[0], -1]).sum(1) as tf.Tensor1D;

// log σ(l) = −softplus(−l), log σ(−l) = −softplus(l)
export function bernoulliLogLikelihood(x: tf.Tensor, logits: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const term = x.mul(tf.softplus(logits.neg())).add(tf.sub(1, x).mul(tf.softplus(logits)));
    return perExample(term).neg() as tf.Tensor1D;
  });
}

const LOG_2PI = Math.log(2 * Math.PI);

export function gaussianLogLikelihood(x: tf.Tensor, mean: tf.Tensor, logVar: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const d = x.size / x.shape[0];
    const z2 = x.sub(mean).square().div(logVar.exp()); // (x − μ)²/σ²
    const s = perExample(z2.add(logVar));
    return s.add(d * LOG_2PI).mul(-0.5) as tf.Tensor1D;
  });
}
