import * as tf from '@tensorflow/tfjs';

// Correct, with the functional API (tf.input, layer.apply, tf.model): 'same' padding,
// ReLU as separate tf.layers.reLU layers after linear convolutions, Glorot-normal kernels,
// dropout 0.5 before a hidden dense layer of 128 units.
//   [N, 28, 28, 1] → conv 3×3×16 same → ReLU → pool → [N, 14, 14, 16]
//                  → conv 3×3×32 same → ReLU → pool → [N, 7, 7, 32] → flatten [N, 1568]
//                  → dropout 0.5 → dense 128, ReLU → dense 10 (logits)
export function buildCnn(seed: number): tf.LayersModel {
  const glorot = (k: number) => tf.initializers.glorotNormal({ seed: seed * 1000 + k });
  const image = tf.input({ shape: [28, 28, 1] });
  let h = image as tf.SymbolicTensor;
  [16, 32].forEach((filters, i) => {
    h = tf.layers.conv2d({ filters, kernelSize: 3, padding: 'same', kernelInitializer: glorot(i) }).apply(h) as tf.SymbolicTensor;
    h = tf.layers.reLU().apply(h) as tf.SymbolicTensor;
    h = tf.layers.maxPooling2d({ poolSize: 2 }).apply(h) as tf.SymbolicTensor;
  });
  h = tf.layers.flatten().apply(h) as tf.SymbolicTensor;
  h = tf.layers.dropout({ rate: 0.5 }).apply(h) as tf.SymbolicTensor;
  h = tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: glorot(10) }).apply(h) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 10, kernelInitializer: glorot(11) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: image, outputs: logits });
}
