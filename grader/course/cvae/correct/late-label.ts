import * as tf from '@tensorflow/tfjs';

// Correct, with the label joined after a first hidden layer in the encoder (x → 256 ReLU,
// then concatenated with y → 2L) and at the input of the decoder (z ‖ y → 256 ReLU → 784
// logits); He-normal kernels for the ReLU layers, Glorot-uniform for the linear ones.
export function buildCvae(latentDim: number, numClasses: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  const he = (k: number) => tf.initializers.heNormal({ seed: 17 * seed + k });
  const glorot = (k: number) => tf.initializers.glorotUniform({ seed: 17 * seed + k });
  const x = tf.input({ shape: [784] });
  const y = tf.input({ shape: [numClasses] });
  const hx = tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: he(1) }).apply(x) as tf.SymbolicTensor;
  const hxy = tf.layers.concatenate().apply([hx, y]) as tf.SymbolicTensor; // [N, 256 + C]
  const stats = tf.layers.dense({ units: 2 * latentDim, kernelInitializer: glorot(2) }).apply(hxy) as tf.SymbolicTensor;
  const z = tf.input({ shape: [latentDim] });
  const y2 = tf.input({ shape: [numClasses] });
  const zy = tf.layers.concatenate().apply([z, y2]) as tf.SymbolicTensor; // [N, L + C]
  const g = tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: he(3) }).apply(zy) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 784, kernelInitializer: glorot(4) }).apply(g) as tf.SymbolicTensor;
  return { encoder: tf.model({ inputs: [x, y], outputs: stats }), decoder: tf.model({ inputs: [z, y2], outputs: logits }) };
}
