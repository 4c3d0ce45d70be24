import * as tf from '@tensorflow/tfjs';

export function dense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => x.matMul(w).add(b));
}

export function sigmoid(x: tf.Tensor): tf.Tensor {
  // exp of a non-positive number only, so nothing overflows.
  return tf.tidy(() => {
    const e = tf.exp(tf.neg(tf.maximum(x, tf.neg(x))));
    return tf.where(tf.greaterEqual(x, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e)));
  });
}

export function tanh(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(tf.mul(2, sigmoid(tf.mul(2, x))), 1));
}

export function relu(x: tf.Tensor): tf.Tensor {
  return tf.maximum(0, x);
}
