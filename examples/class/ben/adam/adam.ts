import * as tf from '@tensorflow/tfjs';

// Forgets the bias correction.
export function adamStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  state: { m: tf.Tensor[]; v: tf.Tensor[]; t: number },
  hp: { lr: number; beta1: number; beta2: number; eps: number },
) {
  return tf.tidy(() => {
    const m = grads.map((g, i) => state.m[i]!.mul(hp.beta1).add(g.mul(1 - hp.beta1)));
    const v = grads.map((g, i) => state.v[i]!.mul(hp.beta2).add(g.square().mul(1 - hp.beta2)));
    const next = params.map((p, i) => p.sub(m[i]!.mul(hp.lr).div(v[i]!.sqrt().add(hp.eps))));
    return { params: next, state: { m, v, t: state.t + 1 } };
  });
}
