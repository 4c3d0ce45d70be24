import * as tf from '@tensorflow/tfjs';

// Correct, with denseBlock as an Array.reduce over the layers and the transition pooling first
// (average pooling and a 1×1 convolution are both linear per pixel, so they commute) and its
// 1×1 convolution as a tf.matMul over the pixels; the model's dense layers as linear conv →
// tf.layers.reLU → concatenate({axis: 3}), blocks from a config list, the transition pooling first too.
type Conv = { w: tf.Tensor4D; b: tf.Tensor1D };

export function denseBlock(x: tf.Tensor4D, layers: Conv[]): tf.Tensor4D {
  return tf.tidy(() =>
    layers.reduce((h: tf.Tensor4D, { w, b }) => {
      const y = tf.conv2d(h, w, 1, 'same').add(b).relu() as tf.Tensor4D; // [N, H, W, gᵢ]
      return tf.concat([h, y], 3);
    }, x.clone()),
  );
}

export function transition(x: tf.Tensor4D, p: Conv): tf.Tensor4D {
  return tf.tidy(() => {
    const pooled = tf.avgPool(x, [2, 2], [2, 2], 'valid'); // [N, ⌊H/2⌋, ⌊W/2⌋, C]
    const [n, h, w, c] = pooled.shape;
    const f = p.w.shape[3];
    const pixels = pooled.reshape([n * h * w, c]); // one row per pixel
    const y = tf.matMul(pixels, p.w.reshape([c, f])).add(p.b); // [N·h·w, F]
    return y.reshape([n, h, w, f]) as tf.Tensor4D;
  });
}

const BLOCKS = [
  { growth: 12, depth: 2 }, // [N, 14, 14, 16] → [N, 14, 14, 40]
  { growth: 12, depth: 2 }, // [N, 7, 7, 24] → [N, 7, 7, 48]
];

export function buildDenseNet(seed: number): tf.LayersModel {
  let layer = 0;
  const init = () => tf.initializers.heNormal({ seed: 4099 * seed + ++layer });
  const image = tf.input({ shape: [28, 28, 1] });
  let x = tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init() }).apply(image) as tf.SymbolicTensor;
  x = tf.layers.maxPooling2d({ poolSize: 2 }).apply(x) as tf.SymbolicTensor; // [N, 14, 14, 16]
  BLOCKS.forEach(({ growth, depth }, b) => {
    if (b > 0) {
      x = tf.layers.averagePooling2d({ poolSize: 2, strides: 2 }).apply(x) as tf.SymbolicTensor; // the transition, pooling first
      x = tf.layers.conv2d({ filters: 24, kernelSize: 1, kernelInitializer: init() }).apply(x) as tf.SymbolicTensor;
    }
    for (let i = 0; i < depth; i++) {
      const conv = tf.layers.conv2d({ filters: growth, kernelSize: 3, padding: 'same', kernelInitializer: init() }).apply(x) as tf.SymbolicTensor;
      const y = tf.layers.reLU().apply(conv) as tf.SymbolicTensor;
      x = tf.layers.concatenate({ axis: 3 }).apply([x, y]) as tf.SymbolicTensor;
    }
  });
  x = tf.layers.flatten().apply(x) as tf.SymbolicTensor; // [N, 2352]
  const logits = tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: 4099 * seed + 100 }) }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: image, outputs: logits });
}
