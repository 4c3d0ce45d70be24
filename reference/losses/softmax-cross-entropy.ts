import * as tf from '@tensorflow/tfjs';
import { checkDtype, checkRank } from '../check.ts';

/**
 * Row-wise softmax: exp(x − max) / Σ exp(x − max). Subtracting the row max changes
 * nothing mathematically but keeps every exponent ≤ 0, so exp cannot overflow (exp(1000)
 * is Infinity in float32) and the denominator is ≥ 1.
 */
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  checkRank('softmax', 'logits', logits, 2);
  return tf.tidy(() => {
    const z = logits.sub(logits.max(1, true)); // [N, K], max 0 per row
    const e = z.exp(); // [N, K]
    return e.div(e.sum(1, true)) as tf.Tensor2D; // [N, K]
  });
}

/**
 * Mean over the batch of −log p(label), through a stable log-softmax:
 * log p = x − max − log Σ exp(x − max). Taking log(softmax) instead gives log(0) = −∞
 * for a logit 1000 below its row's max, and a NaN gradient.
 */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  checkRank('crossEntropy', 'logits', logits, 2);
  checkRank('crossEntropy', 'labels', labels, 1);
  checkDtype('crossEntropy', 'labels', labels, 'int32');
  const [n, k] = logits.shape;
  if (labels.shape[0] !== n) {
    throw new Error(`crossEntropy: labels must have one entry per row of logits (${n}), but got ${labels.shape[0]}`);
  }
  if (n === 0) throw new Error('crossEntropy: logits must have at least one row, but got shape [0,' + k + ']');
  const bad = Array.from(labels.dataSync()).findIndex((y) => y < 0 || y >= k);
  if (bad >= 0) {
    throw new Error(`crossEntropy: labels must be class indices in [0, ${k}), but labels[${bad}] is ${labels.dataSync()[bad]}`);
  }
  return tf.tidy(() => {
    const z = logits.sub(logits.max(1, true)); // [N, K]
    const logp = z.sub(z.exp().sum(1, true).log()); // [N, K], log-softmax
    const picked = logp.mul(tf.oneHot(labels, k)).sum(1); // [N], log p(label)
    return picked.mean().neg() as tf.Scalar; // []
  });
}
