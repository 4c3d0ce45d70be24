import * as tf from '@tensorflow/tfjs';
import { softmax } from './softmax-cross-entropy.ts';
import type { Variant } from '../variant.ts';

/** −mean over the batch of logp[label], or the sum when `sum`. */
function pickNll(logp: tf.Tensor2D, labels: tf.Tensor1D, sum = false): tf.Scalar {
  const picked = logp.mul(tf.oneHot(labels, logp.shape[1])).sum(1); // [N]
  return (sum ? picked.sum() : picked.mean()).neg() as tf.Scalar;
}

function logSoftmax(x: tf.Tensor2D): tf.Tensor2D {
  const z = x.sub(x.max(1, true));
  return z.sub(z.exp().sum(1, true).log()) as tf.Tensor2D;
}

export const variants: Variant[] = [
  {
    id: 'softmax-no-max-shift',
    verdict: 'mistake',
    hint: 'Your output matches exp(x) / Σ exp(x) without subtracting the row maximum: it is NaN once a logit passes ~88 (exp overflows float32). Subtract each row\'s max before exp; the result is mathematically the same.',
    exports: {
      softmax: (logits: tf.Tensor2D) => tf.tidy(() => {
        const e = logits.exp();
        return e.div(e.sum(1, true));
      }),
    },
  },
  {
    id: 'softmax-wrong-axis',
    verdict: 'mistake',
    hint: 'Your output matches a softmax over the batch axis (columns sum to 1): normalise each row, over the classes, axis 1 (keepDims so it broadcasts).',
    exports: {
      softmax: (logits: tf.Tensor2D) => tf.tidy(() => {
        const e = logits.sub(logits.max(0, true)).exp();
        return e.div(e.sum(0, true));
      }),
    },
  },
  {
    id: 'ce-sum-over-batch',
    verdict: 'mistake',
    hint: 'Your output matches the cross-entropy summed over the batch: take the mean over the N examples (divide by N), so the loss does not grow with the batch size.',
    exports: {
      crossEntropy: (logits: tf.Tensor2D, labels: tf.Tensor1D) => tf.tidy(() => pickNll(logSoftmax(logits), labels, true)),
    },
  },
  {
    id: 'ce-log-of-softmax',
    verdict: 'mistake',
    hint: 'Your output matches log(softmax(x)): it is right for moderate logits but gives log(0) = −∞ (loss ∞, gradient NaN) when the true class\'s logit is ~100 below the row max. Compute log-softmax directly, x − max − log Σ exp(x − max).',
    exports: {
      crossEntropy: (logits: tf.Tensor2D, labels: tf.Tensor1D) => tf.tidy(() => pickNll(softmax(logits).log(), labels)),
    },
  },
  ...([1e-7, 1e-8] as const).map((eps): Variant => ({
    id: `ce-log-of-softmax-plus-${eps}`,
    verdict: 'mistake',
    hint: 'Your output matches log(softmax(x) + ε) for a small ε: the ε keeps it finite, but where the true class\'s probability underflows the loss is stuck at −log ε instead of growing with the logit gap, and its gradient vanishes there. Compute log-softmax directly, x − max − log Σ exp(x − max).',
    exports: {
      crossEntropy: (logits: tf.Tensor2D, labels: tf.Tensor1D) => tf.tidy(() => pickNll(softmax(logits).add(eps).log() as tf.Tensor2D, labels)),
    },
  })),
];
