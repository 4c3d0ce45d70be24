import * as tf from '@tensorflow/tfjs';

// Correct, with the functional API: the encoder computes μ and log σ² in two separate dense
// heads joined by tf.layers.concatenate (μ first), leaky-ReLU hidden layers of 400 units
// (Kingma and Welling's MNIST width), Glorot-normal kernels seeded per layer.
export function buildVae(latentDim: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  let k = 0;
  const dense = (units: number) => tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotNormal({ seed: 1000 * seed + ++k }) });
  const x = tf.input({ shape: [784] });
  const h = tf.layers.leakyReLU({ alpha: 0.1 }).apply(dense(400).apply(x)) as tf.SymbolicTensor;
  const mu = dense(latentDim).apply(h) as tf.SymbolicTensor;
  const logVar = dense(latentDim).apply(h) as tf.SymbolicTensor;
  const stats = tf.layers.concatenate().apply([mu, logVar]) as tf.SymbolicTensor; // [N, 2L]
  const z = tf.input({ shape: [latentDim] });
  const g = tf.layers.leakyReLU({ alpha: 0.1 }).apply(dense(400).apply(z)) as tf.SymbolicTensor;
  const logits = dense(784).apply(g) as tf.SymbolicTensor;
  return { encoder: tf.model({ inputs: x, outputs: stats }), decoder: tf.model({ inputs: z, outputs: logits }) };
}
