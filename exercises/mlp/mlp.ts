import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * A multilayer perceptron for MNIST (notes 1.2.1): flat 28×28 images [N, 784] → 10 logits
 * [N, 10], built from tf.layers.dense with a nonlinearity between the layers and none at the
 * end (the loss applies the softmax). Seed every initializer from `seed` (never 0, which
 * tfjs reads as "unseeded"), so that the same seed gives the same initial weights.
 *
 * The grader compiles and trains the model itself (Adam on softmax cross-entropy, a fixed
 * epoch budget): return it uncompiled.
 *
 * @param seed a positive integer
 * @returns    a tf.LayersModel with input shape [null, 784] and output shape [null, 10]
 */
export function buildMlp(seed: number): tf.LayersModel {
  throw new NotImplemented('buildMlp');
}
