import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

const perExample = (x: tf.Tensor) => tf.sum(x, Array.from({ length: x.rank - 1 }, (_, i) => i + 1)) as tf.Tensor1D;

export const variants: Variant[] = [
  {
    id: 'naive-log-sigmoid',
    verdict: 'mistake',
    hint: 'Your output matches x·log σ(l) + (1 − x)·log(1 − σ(l)) computed directly: σ(l) rounds to 0 or 1 in float32 for large |l| and the log gives −Inf or NaN. Use the stable form x·l − softplus(l) = −(max(l, 0) − l·x + log(1 + e^−|l|)).',
    exports: {
      bernoulliLogLikelihood: (x: tf.Tensor, l: tf.Tensor) => tf.tidy(() => {
        const p = tf.sigmoid(l);
        return perExample(tf.add(tf.mul(x, tf.log(p)), tf.mul(tf.sub(1, x), tf.log(tf.sub(1, p)))));
      }),
    },
  },
  {
    id: 'bernoulli-mean-over-pixels',
    verdict: 'mistake',
    hint: 'Your output matches the MEAN over pixels: the log-likelihood of an example is the SUM of its pixels\' log-probabilities (independent pixels multiply).',
    exports: {
      bernoulliLogLikelihood: (x: tf.Tensor, l: tf.Tensor) => tf.tidy(() => {
        const ll = tf.neg(tf.add(tf.sub(tf.relu(l), tf.mul(l, x)), tf.log1p(tf.exp(tf.neg(tf.abs(l))))));
        return tf.mean(ll, Array.from({ length: ll.rank - 1 }, (_, i) => i + 1)) as tf.Tensor1D;
      }),
    },
  },
  {
    id: 'logvar-as-variance',
    verdict: 'mistake',
    hint: 'Your output matches a Gaussian whose variance is logVar itself: logVar is the LOG of the variance, σ² = exp(logVar).',
    exports: {
      gaussianLogLikelihood: (x: tf.Tensor, m: tf.Tensor, lv: tf.Tensor) => tf.tidy(() =>
        tf.mul(-0.5, perExample(tf.add(tf.add(tf.div(tf.square(tf.sub(x, m)), lv), tf.log(lv)), Math.log(2 * Math.PI)))) as tf.Tensor1D),
    },
  },
  {
    id: 'gaussian-no-constant',
    verdict: 'mistake',
    hint: 'Your output matches the Gaussian log-density without the −½·log 2π term per dimension: keep it, the grader compares log-likelihoods, not losses up to a constant.',
    exports: {
      gaussianLogLikelihood: (x: tf.Tensor, m: tf.Tensor, lv: tf.Tensor) => tf.tidy(() =>
        tf.mul(-0.5, perExample(tf.add(tf.mul(tf.square(tf.sub(x, m)), tf.exp(tf.neg(lv))), lv))) as tf.Tensor1D),
    },
  },
  {
    id: 'gaussian-logvar-not-halved',
    verdict: 'mistake',
    hint: 'Your output matches −log σ² − (x − μ)²/(2σ²) (the log-variance not halved): log N(x; μ, σ²) = −½·(log 2π + log σ² + (x − μ)²/σ²).',
    exports: {
      gaussianLogLikelihood: (x: tf.Tensor, m: tf.Tensor, lv: tf.Tensor) => tf.tidy(() =>
        perExample(tf.neg(tf.add(tf.add(tf.mul(0.5, tf.mul(tf.square(tf.sub(x, m)), tf.exp(tf.neg(lv)))), lv), 0.5 * Math.log(2 * Math.PI)))) as tf.Tensor1D),
    },
  },
];
