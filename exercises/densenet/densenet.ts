import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * A dense block (notes 1.4.3): x₀ = x, xᵢ = concat(xᵢ₋₁, relu(convᵢ(xᵢ₋₁))) along the
 * channel axis (the previous maps first, the new ones after), each convolution with stride 1,
 * 'same' padding and its bias. Returns the last xᵢ (x itself, as a new tensor, for no layers).
 *
 * @param x      [N, H, W, C]
 * @param layers layer i: w [3, 3, C + g₁ + … + gᵢ₋₁, gᵢ], b [gᵢ]
 * @returns      [N, H, W, C + g₁ + … + g_L] (do not dispose the inputs, leak nothing)
 */
export function denseBlock(x: tf.Tensor4D, layers: { w: tf.Tensor4D; b: tf.Tensor1D }[]): tf.Tensor4D {
  throw new NotImplemented('denseBlock');
}

/**
 * A transition layer (notes 1.4.3): a 1×1 convolution with its bias (no activation), then
 * 2×2 average pooling with stride 2 and 'valid' padding.
 *
 * @param x [N, H, W, C]
 * @param p w [1, 1, C, F], b [F]
 * @returns [N, ⌊H/2⌋, ⌊W/2⌋, F]
 */
export function transition(x: tf.Tensor4D, p: { w: tf.Tensor4D; b: tf.Tensor1D }): tf.Tensor4D {
  throw new NotImplemented('transition');
}

/**
 * A small DenseNet for MNIST: [N, 28, 28, 1] → 10 logits [N, 10], with at least one dense
 * block and one transition built from layers (tf.input, tf.layers.conv2d,
 * tf.layers.concatenate, tf.layers.averagePooling2d, tf.model). Seed every initializer from
 * `seed` (never 0). Return the model uncompiled: the grader trains it.
 *
 * @param seed a positive integer
 * @returns    a tf.LayersModel with input shape [null, 28, 28, 1] and output shape [null, 10]
 */
export function buildDenseNet(seed: number): tf.LayersModel {
  throw new NotImplemented('buildDenseNet');
}
