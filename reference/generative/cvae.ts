import * as tf from '@tensorflow/tfjs';
import { checkInteger } from '../check.ts';
import { layerSeed } from '../models/mlp.ts';
import { VAE_HIDDEN } from './beta-vae.ts';

function dense(units: number, activation: 'relu' | 'linear', seed: number, i: number): tf.layers.Layer {
  return tf.layers.dense({ units, activation, kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, i) }), biasInitializer: 'zeros' });
}

/**
 * A conditional VAE (notes 2.1.3.5.3) for labelled binarised MNIST: both networks also take
 * the one-hot label y, concatenated to their input.
 * encoder [x [N, 784], y [N, C]] → 256 (ReLU) → [N, 2L] (μ, then log σ²);
 * decoder [z [N, L], y [N, C]] → 256 (ReLU) → [N, 784] Bernoulli logits.
 * Glorot-uniform from `seed`.
 */
export function buildCvae(latentDim: number, numClasses: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  checkInteger('buildCvae', 'latentDim', latentDim, 1);
  checkInteger('buildCvae', 'numClasses', numClasses, 2);
  checkInteger('buildCvae', 'seed', seed);
  const x = tf.input({ shape: [784] });
  const yEnc = tf.input({ shape: [numClasses] });
  const xy = tf.layers.concatenate().apply([x, yEnc]) as tf.SymbolicTensor; // [N, 784 + C]
  const h = dense(VAE_HIDDEN, 'relu', seed, 0).apply(xy) as tf.SymbolicTensor;
  const stats = dense(2 * latentDim, 'linear', seed, 1).apply(h) as tf.SymbolicTensor; // [N, 2L]
  const z = tf.input({ shape: [latentDim] });
  const yDec = tf.input({ shape: [numClasses] });
  const zy = tf.layers.concatenate().apply([z, yDec]) as tf.SymbolicTensor; // [N, L + C]
  const g = dense(VAE_HIDDEN, 'relu', seed, 2).apply(zy) as tf.SymbolicTensor;
  const logits = dense(784, 'linear', seed, 3).apply(g) as tf.SymbolicTensor; // [N, 784]
  return { encoder: tf.model({ inputs: [x, yEnc], outputs: stats, name: 'cvae_encoder' }), decoder: tf.model({ inputs: [z, yDec], outputs: logits, name: 'cvae_decoder' }) };
}
