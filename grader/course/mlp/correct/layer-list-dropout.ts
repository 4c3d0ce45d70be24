import * as tf from '@tensorflow/tfjs';

// Correct, with the layers made in a loop over a plain JS array of widths (LeCun's 300-100 net)
// and handed to tf.sequential({ layers }) in one go: each hidden dense has activation 'relu'
// inline and an unseeded tf.layers.dropout(0.1) after it; variance-scaling (fan-in, truncated
// normal) kernels and small constant biases, seeds seed·100 + layer index.
export function buildMlp(seed: number): tf.LayersModel {
  const widths = [300, 100];
  const layers: tf.layers.Layer[] = [];
  widths.forEach((units, i) => {
    layers.push(tf.layers.dense({
      ...(i === 0 ? { inputShape: [784] } : {}),
      units,
      activation: 'relu',
      kernelInitializer: tf.initializers.varianceScaling({ scale: 2, mode: 'fanIn', distribution: 'truncatedNormal', seed: seed * 100 + i + 1 }),
      biasInitializer: tf.initializers.constant({ value: 0.01 }),
    }));
    layers.push(tf.layers.dropout({ rate: 0.1 }));
  });
  layers.push(tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: seed * 100 + widths.length + 1 }) }));
  return tf.sequential({ layers });
}
