import * as tf from '@tensorflow/tfjs';

// Correct, with tf.fused.conv2d (bias and ReLU fused into the convolution) in residualBlock,
// and a model in the ResNet-v1 style without batch norm: conv → ReLU layer → conv inside the
// block, a ReLU layer after each sum, a flatten and dense head; Glorot-uniform seeded per layer.
export function residualBlock(
  x: tf.Tensor4D,
  p: { w1: tf.Tensor4D; b1: tf.Tensor1D; w2: tf.Tensor4D; b2: tf.Tensor1D },
): tf.Tensor4D {
  return tf.tidy(() => {
    const h = tf.fused.conv2d({ x, filter: p.w1, strides: 1, pad: 'same', bias: p.b1, activation: 'relu' });
    const c = tf.fused.conv2d({ x: h, filter: p.w2, strides: 1, pad: 'same', bias: p.b2 });
    return x.add(c) as tf.Tensor4D;
  });
}

export function buildResNet(seed: number): tf.LayersModel {
  let k = 0;
  const init = () => tf.initializers.glorotUniform({ seed: seed * 50 + ++k });
  const conv = (filters: number, activation?: 'relu') => tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', activation, kernelInitializer: init() });
  const block = (x: tf.SymbolicTensor, filters: number): tf.SymbolicTensor => {
    let h = conv(filters).apply(x) as tf.SymbolicTensor;
    h = tf.layers.reLU().apply(h) as tf.SymbolicTensor;
    h = conv(filters).apply(h) as tf.SymbolicTensor;
    const sum = tf.layers.add().apply([x, h]) as tf.SymbolicTensor;
    return tf.layers.reLU().apply(sum) as tf.SymbolicTensor;
  };
  const inputs = tf.input({ shape: [28, 28, 1] });
  let x = conv(16, 'relu').apply(inputs) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor; // [N, 14, 14, 16]
  x = block(x, 16);
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor; // [N, 7, 7, 16]
  x = block(x, 16);
  x = tf.layers.flatten().apply(x) as tf.SymbolicTensor; // [N, 784]
  const outputs = tf.layers.dense({ units: 10, kernelInitializer: init() }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs, outputs });
}
