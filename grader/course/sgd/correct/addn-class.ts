// Correct, as an optimizer class stepping with tf.addN: θ + (−η)·g with η a tf.scalar, one tf.tidy per parameter
import * as tf from '@tensorflow/tfjs';

/** Stateless optimizer object, as a student who read about tf.train would write it. */
class PlainSGD {
  constructor(private readonly lr: number = 0.01) {}
  step(p: tf.Tensor, g: tf.Tensor): tf.Tensor {
    // addN of θ and (−η)·g; scalar tensor for η
    const negLr = tf.scalar(-this.lr);
    return tf.addN([p, tf.mul(g, negLr)]);
  }
}

export function sgdStep(params: tf.Tensor[], grads: tf.Tensor[], lr: number): tf.Tensor[] {
  const opt = new PlainSGD(lr);
  const out: tf.Tensor[] = [];
  for (let i = 0; i < params.length; i++) {
    out.push(tf.tidy(() => opt.step(params[i], grads[i])));
  }
  return out;
}
