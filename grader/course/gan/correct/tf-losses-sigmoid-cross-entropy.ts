import * as tf from '@tensorflow/tfjs';

// Correct, with the losses as binary cross-entropy from tfjs's own tf.losses.sigmoidCrossEntropy
// (labels 1 for real, 0 for fake; its stable form max(a, 0) − a·z + log1p(e^−|a|), a mean by
// default), and the reference's shapes built by one helper as tf.sequential({layers: [...]}) with
// ReLU / leaky ReLU 0.2 as layers, Glorot-uniform seeded per layer.
const bce = (logits: tf.Tensor, label: 0 | 1) =>
  tf.losses.sigmoidCrossEntropy(label === 1 ? tf.onesLike(logits) : tf.zerosLike(logits), logits) as tf.Scalar;

export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.add(bce(realLogits, 1), bce(fakeLogits, 0)));
}

export function generatorLoss(fakeLogits: tf.Tensor, nonSaturating: boolean): tf.Scalar {
  // non-saturating: −mean log D(fake) = BCE(fake, 1); saturating: mean log(1 − D(fake)) = −BCE(fake, 0)
  return tf.tidy(() => (nonSaturating ? bce(fakeLogits, 1) : tf.neg(bce(fakeLogits, 0))));
}

/** Dense layers of the given sizes, `hidden()` after each but the last (a linear output). */
function mlp(sizes: number[], hidden: () => tf.layers.Layer, seed: number): tf.Sequential {
  const layers = sizes.slice(1).flatMap((units, i) => {
    const dense = tf.layers.dense({
      units,
      ...(i === 0 ? { inputShape: [sizes[0]!] } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + i }),
    });
    return i < sizes.length - 2 ? [dense, hidden()] : [dense];
  });
  return tf.sequential({ layers });
}

export function buildGan(seed: number): { generator: tf.LayersModel; discriminator: tf.LayersModel } {
  return {
    generator: mlp([8, 64, 64, 2], () => tf.layers.reLU(), 37 * seed), // noise [N, 8] → points [N, 2]
    discriminator: mlp([2, 64, 64, 1], () => tf.layers.leakyReLU({ alpha: 0.2 }), 37 * seed + 10), // [N, 2] → logit [N, 1]
  };
}
