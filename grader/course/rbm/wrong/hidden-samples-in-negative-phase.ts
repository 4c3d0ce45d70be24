// CD-k with sampled hidden states h_k ~ p(h|v_k) in the negative statistic of dW instead of the
// probabilities p(h|v_k): the same expectation (so the z tests pass) but not the README's gradient.
import * as tf from '@tensorflow/tfjs';

/** A seed for the i-th random draw of a call, spread out so that nearby seeds do not share draws. */
function subSeed(seed: number, i: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f);
  return 1 + ((h ^ (h >>> 16)) >>> 0) % 0x7ffffffe;
}

/**
 * Restricted Boltzmann machine on binary 0/1 units (notes 2.1.1, 1.2: the bipartite case),
 * E(v, h) = −vᵀWh − bᵀv − cᵀh with W [nv, nh]. The graph is bipartite, so all hidden units are
 * independent given v and all visible units given h:
 *   p(hⱼ = 1 | v) = σ((vW)ⱼ + cⱼ),      p(vᵢ = 1 | h) = σ((hWᵀ)ᵢ + bᵢ).
 */
export function hiddenProbs(v: tf.Tensor2D, w: tf.Tensor2D, c: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(v, w), c)) as tf.Tensor2D); // [B, nh]
}

export function visibleProbs(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(h, w, false, true), b)) as tf.Tensor2D); // [B, nv]
}

/** 1 where u < p for u ~ U(0, 1) drawn with `seed`, else 0 (float32, p's shape). */
export function sampleBernoulli(p: tf.Tensor, seed: number): tf.Tensor {
  return tf.tidy(() => tf.cast(tf.less(tf.randomUniform(p.shape, 0, 1, 'float32', seed), p), 'float32'));
}

/**
 * CD-k: k steps of block Gibbs from the data (h ~ p(h|v), v ~ p(v|h)), and the ascent direction
 * data statistics minus reconstruction statistics, averaged over the batch, with hidden
 * PROBABILITIES in both:
 *   dW = (v₀ᵀ p(h|v₀) − v_kᵀ p(h|v_k)) / B,   db = mean(v₀ − v_k),   dc = mean(p(h|v₀) − p(h|v_k)).
 */
export function cdGradient(v0: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D, k: number, seed: number): { dW: tf.Tensor2D; db: tf.Tensor1D; dc: tf.Tensor1D } {
  return tf.tidy(() => {
    const n = v0.shape[0];
    const ph0 = hiddenProbs(v0, w, c);
    let v: tf.Tensor2D = v0;
    let ph = ph0;
    for (let t = 0; t < k; t++) {
      const h = sampleBernoulli(ph, subSeed(seed, 2 * t)) as tf.Tensor2D;
      v = sampleBernoulli(visibleProbs(h, w, b), subSeed(seed, 2 * t + 1)) as tf.Tensor2D;
      ph = hiddenProbs(v, w, c);
    }
    const hk = sampleBernoulli(ph, subSeed(seed, 2 * k)) as tf.Tensor2D;
    const dW = tf.div(tf.sub(tf.matMul(v0, ph0, true, false), tf.matMul(v, hk, true, false)), n) as tf.Tensor2D;
    const db = tf.mean(tf.sub(v0, v), 0) as tf.Tensor1D;
    const dc = tf.mean(tf.sub(ph0, ph), 0) as tf.Tensor1D;
    return { dW, db, dc };
  });
}
