import * as tf from '@tensorflow/tfjs';
import { layerSeed } from '../reference/support/layer-seed.ts';

/**
 * The judges' digit classifier as a tfjs model: the architecture that
 * grader/course/shared/digit-classifier/classifier.ts runs in plain JS, fixed here so that it does not follow
 * later changes to the reference CNN (it is the reference CNN of 2026-11-30 before its hidden
 * dense layer was added).
 *
 *   [N, 28, 28, 1] → conv 3×3×16 'valid', ReLU → max-pool 2×2 → conv 3×3×32 'valid', ReLU
 *                  → max-pool 2×2 → flatten [N, 800] → dense 10 → logits [N, 10]
 */
export function digitClassifierModel(seed: number): tf.LayersModel {
  const he = (i: number) => tf.initializers.heNormal({ seed: layerSeed(seed, i) });
  const model = tf.sequential({ name: 'digit_classifier' });
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: he(0) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: he(1) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, 2) }) }));
  return model;
}
