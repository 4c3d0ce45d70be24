// Correct, in the log domain with a boolean one-hot mask: softmax = exp(x − logsumexp(x)), log p[i, yᵢ] picked by tf.where
import * as tf from '@tensorflow/tfjs';

// log Σ exp along axis 1, shifted by the row max, keepDims → [N, 1]
function rowLogSumExp(x: tf.Tensor2D): tf.Tensor2D {
  const m = x.max(1, true);
  return x.sub(m).exp().sum(1, true).log().add(m) as tf.Tensor2D;
}

// softmax = exp(x − logsumexp(x)), in the log domain
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => logits.sub(rowLogSumExp(logits)).exp() as tf.Tensor2D);
}

export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const [n, k] = logits.shape;
    const logp = logits.sub(rowLogSumExp(logits));
    // boolean mask from oneHot, picked with where
    const mask = tf.oneHot(labels.toInt(), k).toBool();
    const picked = tf.where(mask, logp, tf.zerosLike(logp)).sum(1);
    return picked.sum().div(-n) as tf.Scalar;
  });
}
