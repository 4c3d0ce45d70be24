import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * p(hⱼ = 1 | v) = σ((vW)ⱼ + cⱼ) for a binary (0/1) RBM with E(v, h) = −vᵀWh − bᵀv − cᵀh.
 * @param v [B, nv]   @param w [nv, nh]   @param c [nh]   @returns [B, nh]
 */
export function hiddenProbs(v: tf.Tensor2D, w: tf.Tensor2D, c: tf.Tensor1D): tf.Tensor2D {
  throw new NotImplemented('hiddenProbs');
}

/**
 * p(vᵢ = 1 | h) = σ((hWᵀ)ᵢ + bᵢ).
 * @param h [B, nh]   @param w [nv, nh]   @param b [nv]   @returns [B, nv]
 */
export function visibleProbs(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  throw new NotImplemented('visibleProbs');
}

/** 1 where u < p for u ~ U(0, 1) drawn with `seed`, else 0; float32, shaped like p. */
export function sampleBernoulli(p: tf.Tensor, seed: number): tf.Tensor {
  throw new NotImplemented('sampleBernoulli');
}

/**
 * CD-k: k steps of block Gibbs from the data v0 (h ~ p(h|v), then v ~ p(v|h)), then the ascent
 * direction, data statistics minus reconstruction statistics, averaged over the batch, with
 * hidden PROBABILITIES (not samples) in both:
 *   dW = (v0ᵀ p(h|v0) − vkᵀ p(h|vk)) / B,   db = mean(v0 − vk),   dc = mean(p(h|v0) − p(h|vk)).
 * Use a fresh seed for every draw.
 */
export function cdGradient(v0: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D, k: number, seed: number): { dW: tf.Tensor2D; db: tf.Tensor1D; dc: tf.Tensor1D } {
  throw new NotImplemented('cdGradient');
}
