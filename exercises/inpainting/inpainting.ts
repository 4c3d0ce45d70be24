import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * Fills the missing pixels of binarised MNIST images with a trained VAE (notes 2.1.3.5.1).
 *
 * @param vae   a trained VAE in the family's convention: vae.encoder maps [N, 784] images to
 *              [N, 2L] (μ in columns 0..L−1, log σ² in L..2L−1); vae.decoder maps [N, L] codes
 *              to [N, 784] Bernoulli logits. L is vae.decoder.inputs[0].shape[1].
 * @param x     [N, 784] images (0 or 1); the values where mask = 0 are meaningless (zeroed)
 * @param mask  [N, 784]: 1 where the pixel is KNOWN (keep it), 0 where it is MISSING (fill it)
 * @param steps how many encode → decode rounds to run (≥ 0)
 * @returns [N, 784]: exactly x where mask = 1, your estimate of p(pixel = 1) in [0, 1] where mask = 0
 */
export function inpaint(vae: { encoder: tf.LayersModel; decoder: tf.LayersModel }, x: tf.Tensor2D, mask: tf.Tensor2D, steps: number): tf.Tensor2D {
  throw new NotImplemented('inpaint');
}
