import * as tf from '@tensorflow/tfjs';
import { checkRank } from '../check.ts';

/** A seed for the i-th random draw of a call, spread out so that nearby seeds do not share draws. */
export function subSeed(seed: number, i: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f);
  return 1 + ((h ^ (h >>> 16)) >>> 0) % 0x7ffffffe;
}

/**
 * One Gibbs sweep of a Boltzmann machine with E(x) = −½ xᵀWx − biasᵀx on x ∈ {−1, 1}ⁿ
 * (notes 2.1.1, 1.2): units 0 … n−1 in order, each resampled from its conditional given the
 * current values of all the others,
 *   p(xᵢ = +1 | rest) = σ(2·((Wx)ᵢ + biasᵢ))        (W symmetric, zero diagonal),
 * for all B chains (rows) at once.
 */
export function gibbsSweep(x: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D, seed: number): tf.Tensor2D {
  checkRank('gibbsSweep', 'x', x, 2);
  checkRank('gibbsSweep', 'w', w, 2);
  checkRank('gibbsSweep', 'bias', bias, 1);
  const [b, n] = x.shape;
  if (w.shape[0] !== n || w.shape[1] !== n || bias.shape[0] !== n) throw new Error(`gibbsSweep: w must be [${n},${n}] and bias [${n}], but got [${w.shape}] and [${bias.shape}]`);
  return tf.tidy(() => {
    let s = x.toFloat();
    for (let i = 0; i < n; i++) {
      const h = tf.add(tf.matMul(s, tf.slice(w, [0, i], [n, 1])), tf.slice(bias, [i], [1])); // [B, 1]
      const p = tf.sigmoid(tf.mul(2, h));
      const u = tf.randomUniform([b, 1], 0, 1, 'float32', subSeed(seed, i));
      const xi = tf.sub(tf.mul(2, tf.cast(tf.less(u, p), 'float32')), 1); // ±1, [B, 1]
      const e = tf.oneHot(tf.tensor1d([i], 'int32'), n).toFloat(); // [1, n]
      s = tf.add(tf.mul(s, tf.sub(1, e)), tf.mul(xi, e));
    }
    return s as tf.Tensor2D;
  });
}

/**
 * The ascent direction of the mean log-likelihood (notes 2.1.1, 1.2, corrected):
 *   dW = mean_data[x xᵀ] − mean_model[x xᵀ]  (zero diagonal),   dBias = mean_data[x] − mean_model[x].
 */
export function boltzmannGradient(data: tf.Tensor2D, model: tf.Tensor2D): { dW: tf.Tensor2D; dBias: tf.Tensor1D } {
  checkRank('boltzmannGradient', 'data', data, 2);
  checkRank('boltzmannGradient', 'model', model, 2);
  const n = data.shape[1];
  if (model.shape[1] !== n) throw new Error(`boltzmannGradient: model must have ${n} columns like data, but got ${model.shape[1]}`);
  return tf.tidy(() => {
    const second = (x: tf.Tensor2D) => tf.div(tf.matMul(x, x, true, false), x.shape[0]); // mean x xᵀ, [n, n]
    const dW = tf.mul(tf.sub(second(data), second(model)), tf.sub(1, tf.eye(n))) as tf.Tensor2D;
    const dBias = tf.sub(tf.mean(data, 0), tf.mean(model, 0)) as tf.Tensor1D;
    return { dW, dBias };
  });
}
