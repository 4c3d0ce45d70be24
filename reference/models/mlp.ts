import * as tf from '@tensorflow/tfjs';
import { checkInteger } from '../check.ts';
import { layerSeed } from '../support/layer-seed.ts';

export { layerSeed };

/**
 * The reference MLP: 784 → 256 (ReLU) → 10 logits, no softmax (the loss takes logits).
 * He-normal for the ReLU layer and Glorot-uniform for the output layer, each seeded from
 * `seed`, so the same seed gives the same initial weights on the same backend.
 */
export function buildMlp(seed: number): tf.LayersModel {
  checkInteger('buildMlp', 'seed', seed);
  const model = tf.sequential({ name: 'mlp' });
  model.add(tf.layers.dense({
    inputShape: [784], units: 256, activation: 'relu', // [N, 784] → [N, 256]
    kernelInitializer: tf.initializers.heNormal({ seed: layerSeed(seed, 0) }),
    biasInitializer: 'zeros',
  }));
  model.add(tf.layers.dense({
    units: 10, // [N, 256] → [N, 10]
    kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, 1) }),
    biasInitializer: 'zeros',
  }));
  return model;
}
