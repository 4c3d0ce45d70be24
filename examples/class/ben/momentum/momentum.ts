import * as tf from '@tensorflow/tfjs';

// An exponential moving average of the gradients (a common mix-up with Adam's first moment).
export function momentumStep(params: tf.Tensor[], grads: tf.Tensor[], velocity: tf.Tensor[], hp: { lr: number; gamma: number }) {
  const v = velocity.map((vi, i) => vi.mul(hp.gamma).add(grads[i]!.mul(1 - hp.gamma)));
  return { params: params.map((p, i) => p.sub(v[i]!.mul(hp.lr))), velocity: v };
}
