import * as tf from '@tensorflow/tfjs';
import { checkInteger, checkTensor } from '../check.ts';
import { layerSeed } from '../models/mlp.ts';

/**
 * GAN losses (notes 2.2) from the discriminator's logits, D = σ(logit). Every log goes
 * through softplus, log σ(a) = −softplus(−a) and log(1 − σ(a)) = −softplus(a), so the
 * losses stay finite for logits of any size (log(σ(a)) itself is −Inf once σ(a) rounds to 0).
 */

function checkLogits(who: string, name: string, x: unknown): asserts x is tf.Tensor {
  checkTensor(who, name, x);
  if (!(x.rank === 1 || (x.rank === 2 && x.shape[1] === 1))) throw new Error(`${who}: ${name} must be [N] or [N,1], but got [${x.shape.join(',')}]`);
  if (x.size === 0) throw new Error(`${who}: ${name} must hold at least one logit, but got none`);
}

/** −mean log D(real) − mean log(1 − D(fake)) = mean softplus(−real) + mean softplus(fake). */
export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar {
  checkLogits('discriminatorLoss', 'realLogits', realLogits);
  checkLogits('discriminatorLoss', 'fakeLogits', fakeLogits);
  return tf.tidy(() => tf.add(tf.softplus(tf.neg(realLogits)).mean(), tf.softplus(fakeLogits).mean()) as tf.Scalar);
}

/**
 * The generator's loss on D's logits for its samples. Non-saturating (Goodfellow et al.'s
 * practical choice): −mean log D(fake) = mean softplus(−fake). Saturating (the minimax
 * game's own term): mean log(1 − D(fake)) = −mean softplus(fake).
 */
export function generatorLoss(fakeLogits: tf.Tensor, nonSaturating: boolean): tf.Scalar {
  checkLogits('generatorLoss', 'fakeLogits', fakeLogits);
  if (typeof nonSaturating !== 'boolean') throw new Error(`generatorLoss: nonSaturating must be a boolean, but got ${typeof nonSaturating}`);
  return tf.tidy(() => (nonSaturating ? tf.softplus(tf.neg(fakeLogits)).mean() : tf.softplus(fakeLogits).mean().neg()) as tf.Scalar);
}

/** The latent size of buildGan's generator. */
export const GAN_LATENT = 8;

function mlp(name: string, sizes: number[], seed: number, offset: number, leaky: boolean): tf.Sequential {
  const model = tf.sequential({ name });
  sizes.slice(1).forEach((units, i) => {
    const last = i === sizes.length - 2;
    model.add(tf.layers.dense({
      ...(i === 0 ? { inputShape: [sizes[0]!] } : {}),
      units,
      activation: last || leaky ? 'linear' : 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, offset + i) }),
      biasInitializer: 'zeros',
    }));
    if (leaky && !last) model.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  });
  return model;
}

/**
 * A GAN for 2-D points: generator [N, 8] noise → [N, 2] points, 8 → 64 → 64 → 2 (ReLU);
 * discriminator [N, 2] → [N, 1] logit, 2 → 64 → 64 → 1 (leaky ReLU, slope 0.2). No sigmoid at the end:
 * the losses take logits.
 */
export function buildGan(seed: number): { generator: tf.LayersModel; discriminator: tf.LayersModel } {
  checkInteger('buildGan', 'seed', seed);
  return {
    generator: mlp('generator', [GAN_LATENT, 64, 64, 2], seed, 0, false),
    discriminator: mlp('discriminator', [2, 64, 64, 1], seed, 10, true),
  };
}
