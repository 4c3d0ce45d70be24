import * as tf from '@tensorflow/tfjs';

// Follows the notes literally: epsilon inside the square root.
export function adamStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  state: { m: tf.Tensor[]; v: tf.Tensor[]; t: number },
  hp: { lr: number; beta1: number; beta2: number; eps: number },
) {
  const t = state.t + 1;
  const m = grads.map((g, i) => tf.tidy(() => state.m[i]!.mul(hp.beta1).add(g.mul(1 - hp.beta1))));
  const v = grads.map((g, i) => tf.tidy(() => state.v[i]!.mul(hp.beta2).add(g.square().mul(1 - hp.beta2))));
  const next = params.map((p, i) =>
    tf.tidy(() => {
      const mHat = m[i]!.div(1 - Math.pow(hp.beta1, t));
      const vHat = v[i]!.div(1 - Math.pow(hp.beta2, t));
      return p.sub(mHat.mul(hp.lr).div(vHat.add(hp.eps).sqrt()));
    }),
  );
  return { params: next, state: { m, v, t } };
}
