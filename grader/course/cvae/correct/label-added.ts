import * as tf from '@tensorflow/tfjs';

// Correct, with no concatenate at the inputs: the label enters through its own bias-free dense
// map added (tf.layers.add) to the first layer's pre-activation, h = relu(W·x + V·y + b), then
// tf.layers.activation; the encoder's μ and log σ² come from two heads joined with
// tf.layers.concatenate; 300 hidden units, Glorot-normal kernels, seed 100·seed + layer.
export function buildCvae(latentDim: number, numClasses: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  let layer = 0;
  const init = () => tf.initializers.glorotNormal({ seed: 100 * seed + ++layer });
  const hidden = (input: tf.SymbolicTensor, label: tf.SymbolicTensor): tf.SymbolicTensor => {
    const fromInput = tf.layers.dense({ units: 300, kernelInitializer: init() }).apply(input) as tf.SymbolicTensor;
    const fromLabel = tf.layers.dense({ units: 300, useBias: false, kernelInitializer: init() }).apply(label) as tf.SymbolicTensor;
    const sum = tf.layers.add().apply([fromInput, fromLabel]) as tf.SymbolicTensor;
    return tf.layers.activation({ activation: 'relu' }).apply(sum) as tf.SymbolicTensor;
  };

  const x = tf.input({ shape: [784] });
  const yEnc = tf.input({ shape: [numClasses] });
  const h = hidden(x, yEnc);
  const mu = tf.layers.dense({ units: latentDim, kernelInitializer: init() }).apply(h) as tf.SymbolicTensor;
  const logVar = tf.layers.dense({ units: latentDim, kernelInitializer: init() }).apply(h) as tf.SymbolicTensor;
  const stats = tf.layers.concatenate().apply([mu, logVar]) as tf.SymbolicTensor; // [N, 2L]

  const z = tf.input({ shape: [latentDim] });
  const yDec = tf.input({ shape: [numClasses] });
  const g = hidden(z, yDec);
  const logits = tf.layers.dense({ units: 784, kernelInitializer: init() }).apply(g) as tf.SymbolicTensor;

  return { encoder: tf.model({ inputs: [x, yEnc], outputs: stats }), decoder: tf.model({ inputs: [z, yDec], outputs: logits }) };
}
