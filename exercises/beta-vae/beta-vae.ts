import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * A VAE for binarised MNIST (notes 2.1.3.5.2), as two models:
 * - encoder: [null, 784] images → [null, 2·latentDim]: μ in columns 0..latentDim−1, log σ² in
 *   columns latentDim..2·latentDim−1;
 * - decoder: [null, latentDim] codes → [null, 784] Bernoulli **logits** (no sigmoid).
 * Seed every initializer from `seed`. The grader trains them with its own β-ELBO.
 */
export function buildVae(latentDim: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  throw new NotImplemented('buildVae');
}
