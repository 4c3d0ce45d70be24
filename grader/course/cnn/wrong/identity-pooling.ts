import * as tf from '@tensorflow/tfjs';

// The max pooling is there in name only: a 1×1 window with stride 1 returns its input, so the
// network is two convolutions and a dense layer with no pooling at all.
export function buildCnn(seed: number): tf.LayersModel {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: seed + 1 }) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 1, strides: 1 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: seed + 2 }) }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 3 }) }));
  return model;
}
