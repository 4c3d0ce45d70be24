import * as tf from '@tensorflow/tfjs';
import { checkNumber, checkTensorLists } from '../check.ts';

/** One SGD step (notes 0.3.2): θ ← θ − η∇L, for every parameter tensor. */
export function sgdStep(params: tf.Tensor[], grads: tf.Tensor[], lr: number): tf.Tensor[] {
  checkTensorLists('sgdStep', { params, grads });
  checkNumber('sgdStep', 'lr', lr);
  return tf.tidy(() => params.map((p, i) => p.sub(grads[i]!.mul(lr)))); // each like params[i]
}
