import * as tf from '@tensorflow/tfjs';

// Correct, in the DenseNet paper's form: every layer sees the concatenation of all earlier
// feature maps, kept in a list and concatenated anew (tf.concat(features, -1)); the bias added
// by hand; the transition's pooling as tf.avgPool with explicit [2, 2] windows and strides.
// The model: one dense block of 3 layers (growth 8) built the same way with
// tf.layers.concatenate over the list, Glorot-normal kernels seeded per layer.
export function denseBlock(x: tf.Tensor4D, layers: { w: tf.Tensor4D; b: tf.Tensor1D }[]): tf.Tensor4D {
  return tf.tidy(() => {
    const features: tf.Tensor4D[] = [x];
    for (const { w, b } of layers) {
      const input = features.length === 1 ? x : tf.concat(features, -1);
      const y = tf.relu(tf.add(tf.conv2d(input, w, [1, 1], 'same'), b.reshape([1, 1, 1, -1]))) as tf.Tensor4D;
      features.push(y);
    }
    return features.length === 1 ? x.clone() : tf.concat(features, -1);
  });
}

export function transition(x: tf.Tensor4D, p: { w: tf.Tensor4D; b: tf.Tensor1D }): tf.Tensor4D {
  return tf.tidy(() => {
    const reduced = tf.add(tf.conv2d(x, p.w, [1, 1], 'valid'), p.b) as tf.Tensor4D;
    return tf.avgPool(reduced, [2, 2], [2, 2], 'valid');
  });
}

export function buildDenseNet(seed: number): tf.LayersModel {
  const init = (i: number) => tf.initializers.glorotNormal({ seed: 31 * seed + i });
  const image = tf.input({ shape: [28, 28, 1] });
  let h = tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(0) }).apply(image) as tf.SymbolicTensor;
  h = tf.layers.maxPooling2d({ poolSize: 2 }).apply(h) as tf.SymbolicTensor; // [N, 14, 14, 16]
  const features: tf.SymbolicTensor[] = [h];
  for (let i = 0; i < 3; i++) {
    const input = features.length === 1 ? features[0]! : (tf.layers.concatenate({ axis: -1 }).apply([...features]) as tf.SymbolicTensor);
    features.push(tf.layers.conv2d({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: init(i + 1) }).apply(input) as tf.SymbolicTensor);
  }
  h = tf.layers.concatenate({ axis: -1 }).apply([...features]) as tf.SymbolicTensor; // [N, 14, 14, 40]
  h = tf.layers.conv2d({ filters: 24, kernelSize: 1, kernelInitializer: init(10) }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.averagePooling2d({ poolSize: 2, strides: 2 }).apply(h) as tf.SymbolicTensor; // [N, 7, 7, 24]
  h = tf.layers.flatten().apply(h) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 10, kernelInitializer: init(11) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: image, outputs: logits });
}
