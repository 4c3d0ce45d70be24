import * as tf from '@tensorflow/tfjs';

// Straight from the definition: overflows for large logits.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const e = logits.exp();
    return e.div(e.sum(1, true));
  });
}

export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => softmax(logits).log().mul(tf.oneHot(labels, logits.shape[1])).sum(1).mean().neg() as tf.Scalar);
}
