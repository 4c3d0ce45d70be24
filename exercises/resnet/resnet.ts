import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * A residual block (notes 1.4.2): f(x) = x + C(x), C(x) = conv₂(relu(conv₁(x))).
 * Both convolutions have stride 1 and 'same' padding, so C(x) has x's shape; add the bias of
 * each convolution; no activation after the sum.
 *
 * @param x [N, H, W, C]
 * @param p w1 [3, 3, C, F], b1 [F], w2 [3, 3, F, C], b2 [C]
 * @returns [N, H, W, C] (a new tensor; do not dispose the inputs, leak nothing: use tf.tidy)
 */
export function residualBlock(
  x: tf.Tensor4D,
  p: { w1: tf.Tensor4D; b1: tf.Tensor1D; w2: tf.Tensor4D; b2: tf.Tensor1D },
): tf.Tensor4D {
  throw new NotImplemented('residualBlock');
}

/**
 * A small ResNet for MNIST: [N, 28, 28, 1] → 10 logits [N, 10], with at least one residual
 * block built from layers (tf.input, tf.layers.conv2d with padding 'same', tf.layers.add,
 * tf.model). Seed every initializer from `seed` (never 0). Return the model uncompiled:
 * the grader trains it (Adam on softmax cross-entropy, a fixed budget).
 *
 * @param seed a positive integer
 * @returns    a tf.LayersModel with input shape [null, 28, 28, 1] and output shape [null, 10]
 */
export function buildResNet(seed: number): tf.LayersModel {
  throw new NotImplemented('buildResNet');
}
