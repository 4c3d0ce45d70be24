import * as tf from '@tensorflow/tfjs';

export function sgdStep(params: tf.Tensor[], grads: tf.Tensor[], lr: number): tf.Tensor[] {
  return params.map((p, i) => p.sub(grads[i]!.mul(lr)));
}
