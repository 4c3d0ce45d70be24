import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * A convolutional network for MNIST (notes 1.4.1): convolution and pooling layers in turn
 * (tf.layers.conv2d with a ReLU, tf.layers.maxPooling2d), then tf.layers.flatten and a dense
 * layer of 10 units with no activation (the loss applies the softmax). A hidden dense layer,
 * with tf.layers.dropout (unseeded) before it, is allowed.
 * Images come in NHWC: [N, 28, 28, 1] → 10 logits [N, 10]. Seed every initializer from `seed`
 * (never 0, which tfjs reads as "unseeded"), so that the same seed gives the same weights.
 *
 * The grader compiles and trains the model itself (Adam on softmax cross-entropy, a fixed
 * budget): return it uncompiled.
 *
 * @param seed a positive integer
 * @returns    a tf.LayersModel with input shape [null, 28, 28, 1] and output shape [null, 10]
 */
export function buildCnn(seed: number): tf.LayersModel {
  throw new NotImplemented('buildCnn');
}
