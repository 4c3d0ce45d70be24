// Correct, in one tf.tidy returning the whole result object: numbers included, functional tf.* calls with scalars first
import * as tf from '@tensorflow/tfjs';

export interface AdamState { m: tf.Tensor[]; v: tf.Tensor[]; t: number }

// Everything inside one tf.tidy that returns the whole result object (numbers included).
export function adamStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  state: AdamState,
  hp: { lr: number; beta1: number; beta2: number; eps: number },
): { params: tf.Tensor[]; state: AdamState } {
  return tf.tidy(() => {
    const t = state.t + 1;
    const m = state.m.map((mi, i) => tf.add(tf.mul(hp.beta1, mi), tf.mul(1 - hp.beta1, grads[i])));
    const v = state.v.map((vi, i) => tf.add(tf.mul(hp.beta2, vi), tf.mul(1 - hp.beta2, tf.square(grads[i]))));
    const newParams = params.map((p, i) => {
      const mHat = tf.div(m[i], 1 - hp.beta1 ** t);
      const vHat = tf.div(v[i], 1 - hp.beta2 ** t);
      return tf.sub(p, tf.mul(hp.lr, tf.div(mHat, tf.add(tf.sqrt(vHat), hp.eps))));
    });
    return { params: newParams, state: { m, v, t } };
  });
}
