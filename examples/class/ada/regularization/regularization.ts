import * as tf from '@tensorflow/tfjs';

export function l1Penalty(params: tf.Tensor[], lambda: number): tf.Scalar {
  return tf.tidy(() => params.reduce<tf.Tensor>((acc, p) => acc.add(p.abs().sum()), tf.scalar(0)).mul(lambda) as tf.Scalar);
}

export function l2Penalty(params: tf.Tensor[], lambda: number): tf.Scalar {
  return tf.tidy(() => params.reduce<tf.Tensor>((acc, p) => acc.add(p.square().sum()), tf.scalar(0)).mul(lambda) as tf.Scalar);
}
