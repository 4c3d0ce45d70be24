import * as tf from '@tensorflow/tfjs';

// Correct, with the label projected by a dense layer (a learned 32-unit label embedding) before
// it is concatenated, in both networks; 512 hidden units, Glorot-normal kernels, one seed per layer.
export function buildCvae(latentDim: number, numClasses: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  let k = 0;
  const dense = (units: number, activation: 'relu' | 'linear' = 'linear') => tf.layers.dense({ units, activation, kernelInitializer: tf.initializers.glorotNormal({ seed: 1000 * seed + ++k }) });
  const net = (first: tf.SymbolicTensor, label: tf.SymbolicTensor, out: number) => {
    const embedded = dense(32).apply(label) as tf.SymbolicTensor;
    const joined = tf.layers.concatenate().apply([first, embedded]) as tf.SymbolicTensor;
    return dense(out).apply(dense(512, 'relu').apply(joined)) as tf.SymbolicTensor;
  };
  const x = tf.input({ shape: [784] });
  const yE = tf.input({ shape: [numClasses] });
  const z = tf.input({ shape: [latentDim] });
  const yD = tf.input({ shape: [numClasses] });
  return {
    encoder: tf.model({ inputs: [x, yE], outputs: net(x, yE, 2 * latentDim) }),
    decoder: tf.model({ inputs: [z, yD], outputs: net(z, yD, 784) }),
  };
}
