import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * Self-normalised importance sampling (notes 2.1.1, 1.3.1): draw x₁ … xₙ ~ q, weight
 * wᵢ ∝ p̃(xᵢ)/q(xᵢ) normalised to sum to 1, and return
 *   estimate = Σ wᵢ f(xᵢ) ≈ E_p[f],     ess = (Σ wᵢ)² / Σ wᵢ².
 * p̃ is unnormalised (only its log is given): work with log-weights.
 *
 * @param f          [n, d] → [n]
 * @param logPUnnorm log p̃(x): [n, d] → [n]
 * @param q          sample(n, seed) → [n, d]; logProb(x) = log q(x): [n, d] → [n]
 * @param n          number of draws
 * @param seed       passed to q.sample
 * @returns plain numbers (read them with dataSync()[0]); dispose every tensor you made
 */
export function importanceEstimate(
  f: (x: tf.Tensor2D) => tf.Tensor1D,
  logPUnnorm: (x: tf.Tensor2D) => tf.Tensor1D,
  q: { sample(n: number, seed: number): tf.Tensor2D; logProb(x: tf.Tensor2D): tf.Tensor1D },
  n: number,
  seed: number,
): { estimate: number; ess: number } {
  throw new NotImplemented('importanceEstimate');
}
