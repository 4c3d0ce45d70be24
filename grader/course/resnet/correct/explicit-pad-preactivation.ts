import * as tf from '@tensorflow/tfjs';

// Correct, with the 'same' padding written out (tf.pad by (k − 1)/2, then a 'valid' convolution)
// in residualBlock; the model in the pre-activation style (ResNet v2 without batch norm): a linear
// stem, blocks x + conv(relu(conv(relu(x)))) built by a helper from tf.layers.activation layers,
// a ReLU before the head; truncated-normal variance-scaling (He) kernels seeded per layer.
type Params = { w1: tf.Tensor4D; b1: tf.Tensor1D; w2: tf.Tensor4D; b2: tf.Tensor1D };

/** A stride-1 convolution with zero padding that keeps H×W (what 'same' does), plus the bias. */
function convSame(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D): tf.Tensor4D {
  const [kh, kw] = w.shape;
  const top = Math.floor((kh - 1) / 2);
  const left = Math.floor((kw - 1) / 2);
  const padded = tf.pad(x, [[0, 0], [top, kh - 1 - top], [left, kw - 1 - left], [0, 0]]);
  return tf.add(tf.conv2d(padded, w, 1, 'valid'), b);
}

export function residualBlock(x: tf.Tensor4D, p: Params): tf.Tensor4D {
  return tf.tidy(() => {
    const h = tf.relu(convSame(x, p.w1, p.b1)); // [N, H, W, F]
    return tf.add(x, convSame(h, p.w2, p.b2)); // [N, H, W, C], no activation after the sum
  });
}

export function buildResNet(seed: number): tf.LayersModel {
  let layer = 0;
  const he = () => tf.initializers.varianceScaling({ scale: 2, mode: 'fanIn', distribution: 'truncatedNormal', seed: 613 * seed + ++layer });
  const conv = (activation: 'relu' | 'linear') => tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation, kernelInitializer: he() });
  const relu = () => tf.layers.activation({ activation: 'relu' });
  const preActivationBlock = (x: tf.SymbolicTensor): tf.SymbolicTensor => {
    const c = conv('linear').apply(conv('relu').apply(relu().apply(x))) as tf.SymbolicTensor;
    return tf.layers.add().apply([x, c]) as tf.SymbolicTensor;
  };
  const image = tf.input({ shape: [28, 28, 1] });
  let x = conv('linear').apply(image) as tf.SymbolicTensor; // [N, 28, 28, 16], the blocks apply the ReLU
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor; // [N, 14, 14, 16]
  x = preActivationBlock(x);
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor; // [N, 7, 7, 16]
  x = preActivationBlock(x);
  x = relu().apply(x) as tf.SymbolicTensor;
  x = tf.layers.flatten().apply(x) as tf.SymbolicTensor; // [N, 784]
  const logits = tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: 613 * seed + 99 }) }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: image, outputs: logits });
}
