import * as tf from '@tensorflow/tfjs';

// Correct, with tf.fused.conv2d (bias and ReLU in the convolution) in both functions and
// tf.concat on axis 3; the model downsamples with a stride-2 stem convolution instead of
// max pooling, two dense blocks of 2 layers (growth 12) around a transition, He-uniform
// kernels seeded per layer, dense blocks written as a helper over symbolic tensors.
export function denseBlock(x: tf.Tensor4D, layers: { w: tf.Tensor4D; b: tf.Tensor1D }[]): tf.Tensor4D {
  return tf.tidy(() => {
    let h = x.clone();
    for (const p of layers) {
      const y = tf.fused.conv2d({ x: h, filter: p.w, strides: 1, pad: 'same', bias: p.b, activation: 'relu' });
      h = tf.concat([h, y], 3);
    }
    return h;
  });
}

export function transition(x: tf.Tensor4D, p: { w: tf.Tensor4D; b: tf.Tensor1D }): tf.Tensor4D {
  return tf.tidy(() => tf.avgPool(tf.fused.conv2d({ x, filter: p.w, strides: 1, pad: 'valid', bias: p.b }), 2, 2, 'valid'));
}

function block(x: tf.SymbolicTensor, seed: number, first: number): tf.SymbolicTensor {
  for (let i = 0; i < 2; i++) {
    const y = tf.layers.conv2d({ filters: 12, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.heUniform({ seed: seed * 20 + first + i }) }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.concatenate().apply([x, y]) as tf.SymbolicTensor;
  }
  return x;
}

export function buildDenseNet(seed: number): tf.LayersModel {
  const input = tf.input({ shape: [28, 28, 1] });
  let x = tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.heUniform({ seed: seed * 20 + 1 }) }).apply(input) as tf.SymbolicTensor; // [N, 14, 14, 16]
  x = block(x, seed, 2); // [N, 14, 14, 40]
  x = tf.layers.conv2d({ filters: 24, kernelSize: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 20 + 5 }) }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.averagePooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor; // [N, 7, 7, 24]
  x = block(x, seed, 6); // [N, 7, 7, 48]
  x = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
  x = tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 20 + 9 }) }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: x });
}
