// Correct, with tf.norm of the flattened tensors: order 1 for L1, the squared Euclidean norm for L2, folded with Array.reduce
import * as tf from '@tensorflow/tfjs';

// tf.norm on the flattened tensors: the 1-norm for L1, the squared Euclidean norm for L2
export function l1Penalty(params: tf.Tensor[], lambda: number): tf.Scalar {
  return tf.tidy(() => params.reduce((acc, p) => acc.add(tf.norm(p.flatten(), 1)), tf.scalar(0)).mul(lambda));
}

export function l2Penalty(params: tf.Tensor[], lambda: number): tf.Scalar {
  return tf.tidy(() => params.reduce((acc, p) => acc.add(tf.norm(p.flatten(), 'euclidean').square()), tf.scalar(0)).mul(lambda));
}
