import * as tf from '@tensorflow/tfjs';
import { checkInteger } from '../check.ts';
import { layerSeed } from '../models/mlp.ts';

/** Hidden width of the reference's encoder and decoder. */
export const VAE_HIDDEN = 256;

function dense(units: number, activation: 'relu' | 'linear', seed: number, i: number, name: string): tf.layers.Layer {
  return tf.layers.dense({ units, activation, name, kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, i) }), biasInitializer: 'zeros' });
}

/**
 * A VAE for binarised MNIST (notes 2.1.3.5.2) in the family's convention:
 * encoder [N, 784] → 256 (ReLU) → [N, 2L], μ in columns 0..L−1 and log σ² in L..2L−1 (one
 * linear head: log σ² may be any real number); decoder [N, L] → 256 (ReLU) → [N, 784] Bernoulli
 * logits (no sigmoid: the ELBO takes logits). Glorot-uniform from `seed`.
 */
export function buildVae(latentDim: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  checkInteger('buildVae', 'latentDim', latentDim, 1);
  checkInteger('buildVae', 'seed', seed);
  const x = tf.input({ shape: [784], name: 'image' });
  const h = dense(VAE_HIDDEN, 'relu', seed, 0, 'encoder_hidden').apply(x) as tf.SymbolicTensor;
  const stats = dense(2 * latentDim, 'linear', seed, 1, 'mu_and_log_var').apply(h) as tf.SymbolicTensor; // [N, 2L]
  const z = tf.input({ shape: [latentDim], name: 'code' });
  const g = dense(VAE_HIDDEN, 'relu', seed, 2, 'decoder_hidden').apply(z) as tf.SymbolicTensor;
  const logits = dense(784, 'linear', seed, 3, 'pixel_logits').apply(g) as tf.SymbolicTensor; // [N, 784]
  return { encoder: tf.model({ inputs: x, outputs: stats, name: 'encoder' }), decoder: tf.model({ inputs: z, outputs: logits, name: 'decoder' }) };
}
