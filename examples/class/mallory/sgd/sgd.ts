import * as tf from '@tensorflow/tfjs';

// Hostile sample: claims full marks on stdout, then throws while the module loads.
console.log('sgd 10/10');
throw new Error('mallory was here');

export function sgdStep(params: tf.Tensor[], grads: tf.Tensor[], lr: number): tf.Tensor[] {
  return params.map((p, i) => p.sub(grads[i]!.mul(lr)));
}
