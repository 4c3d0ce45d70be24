import * as tf from '@tensorflow/tfjs';

function logSumExp(x: tf.Tensor2D): tf.Tensor2D {
  const m = x.max(1, true);
  return m.add(x.sub(m).exp().sum(1, true).log());
}

export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => logits.sub(logSumExp(logits)).exp());
}

export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const logProbs = logits.sub(logSumExp(logits));
    const picked = logProbs.mul(tf.oneHot(labels, logits.shape[1])).sum(1);
    return picked.mean().neg() as tf.Scalar;
  });
}
