import * as tf from '@tensorflow/tfjs';

export function momentumStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  velocity: tf.Tensor[],
  hp: { lr: number; gamma: number },
): { params: tf.Tensor[]; velocity: tf.Tensor[] } {
  const v = velocity.map((vi, i) => tf.tidy(() => vi.mul(hp.gamma).add(grads[i]!.mul(hp.lr))));
  return { params: params.map((p, i) => p.sub(v[i]!)), velocity: v };
}
