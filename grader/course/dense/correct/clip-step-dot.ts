// Correct, with a clipped sigmoid and a step-mask relu: σ on x clipped to ±80 by tf.clipByValue, tanh = 2σ(2x) − 1, relu = x·tf.step(x), dense by tensor.dot
import * as tf from '@tensorflow/tfjs';

// dense with tf.dot and broadcasting via method chains
export function dense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => x.dot(w).add(b) as tf.Tensor2D);
}

// σ(x) = 1/(1 + e^{-x}) with x clipped to ±80 first: e^{80} is far inside float32, and
// σ differs from 0 or 1 by less than 2e-35 beyond the clip (gradient there: 0 instead of ~1e-35).
const LIMIT = 80;
export function sigmoid<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => {
    const xc = tf.clipByValue(x, -LIMIT, LIMIT);
    return tf.reciprocal(tf.exp(xc.neg()).add(1)) as T;
  });
}

// tanh(x) = 2σ(2x) − 1
export function tanh<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => sigmoid(x.mul(2)).mul(2).sub(1) as T);
}

// relu(x) = x·step(x)
export function relu<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => x.mul(tf.step(x)) as T);
}
