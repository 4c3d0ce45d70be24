// Correct, with the notes' placement of ε accepted by the errata: θ − η·m̂/√(v̂ + ε), an ema() helper, Math.pow bias corrections
import * as tf from '@tensorflow/tfjs';

export interface AdamState { m: tf.Tensor[]; v: tf.Tensor[]; t: number }

// exponential moving average: β·a + (1 − β)·b
const ema = (a: tf.Tensor, b: tf.Tensor, beta: number) => a.mul(beta).add(b.mul(1 - beta));

// The notes' placement of ε: θ ← θ − η·m̂/√(v̂ + ε) (the README's errata accept it).
export function adamStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  state: AdamState,
  hp: { lr: number; beta1: number; beta2: number; eps: number },
): { params: tf.Tensor[]; state: AdamState } {
  const step = state.t + 1;
  const c1 = 1 - Math.pow(hp.beta1, step);
  const c2 = 1 - Math.pow(hp.beta2, step);
  const newParams: tf.Tensor[] = [];
  const m: tf.Tensor[] = [];
  const v: tf.Tensor[] = [];
  for (let i = 0; i < params.length; i++) {
    const [p, mi, vi] = tf.tidy(() => {
      const g = grads[i];
      const mNew = ema(state.m[i], g, hp.beta1);
      const vNew = ema(state.v[i], g.mul(g), hp.beta2);
      const mHat = mNew.div(c1);
      const vHat = vNew.div(c2);
      const upd = mHat.div(vHat.add(hp.eps).sqrt()).mul(hp.lr);
      return [params[i].sub(upd), mNew, vNew];
    });
    newParams.push(p); m.push(mi); v.push(vi);
  }
  return { params: newParams, state: { m, v, t: step } };
}
