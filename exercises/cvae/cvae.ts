import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * A conditional VAE (notes 2.1.3.5.3): both networks also take the one-hot label y.
 * - encoder: two inputs, images [null, 784] and labels [null, numClasses] (in that order) →
 *   [null, 2·latentDim]: μ in columns 0..latentDim−1, log σ² in latentDim..2·latentDim−1;
 * - decoder: two inputs, codes [null, latentDim] and labels [null, numClasses] (in that order) →
 *   [null, 784] Bernoulli **logits** (no sigmoid).
 * Build them with tf.model (tf.input, tf.layers.concatenate). Seed every initializer from `seed`.
 */
export function buildCvae(latentDim: number, numClasses: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  throw new NotImplemented('buildCvae');
}
