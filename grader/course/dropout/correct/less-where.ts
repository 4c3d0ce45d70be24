// Correct, with tf.where on a tf.less mask: where(u < rate, 0, x/(1 − rate)) in one tf.tidy, tf.clone when not training
import * as tf from '@tensorflow/tfjs';

export function dropout(x: tf.Tensor, rate: number, training: boolean, seed: number): tf.Tensor {
  return tf.tidy(() => {
    if (!training) return tf.clone(x);
    const scale = tf.scalar(1 / (1 - rate));
    const u = tf.randomUniform(x.shape, 0, 1, 'float32', seed);
    const drop = tf.less(u, rate); // dropped with probability rate
    return tf.where(drop, tf.zerosLike(x), x.mul(scale));
  });
}
