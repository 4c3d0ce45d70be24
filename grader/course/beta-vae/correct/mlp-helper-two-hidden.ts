import * as tf from '@tensorflow/tfjs';

// Correct, with one helper that builds a tf.sequential stack from a plain JS array of widths,
// used for both networks, and two hidden layers each (encoder 784 → 400 → 200 (ELU) → 2L,
// decoder L → 200 → 400 (ELU) → 784), the last layer activation 'linear' written out;
// He-uniform kernels with a running seed counter.
export function buildVae(latentDim: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  let next = seed * 50;
  const stack = (inputSize: number, hidden: number[], outputSize: number): tf.Sequential => {
    const model = tf.sequential();
    hidden.forEach((units, i) => {
      model.add(tf.layers.dense({
        ...(i === 0 ? { inputShape: [inputSize] } : {}),
        units,
        activation: 'elu',
        kernelInitializer: tf.initializers.heUniform({ seed: ++next }),
      }));
    });
    model.add(tf.layers.dense({ units: outputSize, activation: 'linear', kernelInitializer: tf.initializers.heUniform({ seed: ++next }) }));
    return model;
  };
  return {
    encoder: stack(784, [400, 200], 2 * latentDim),
    decoder: stack(latentDim, [200, 400], 784),
  };
}
