import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * The discriminator's loss (notes 2.2), from its logits, D = σ(logit):
 * −mean log D(real) − mean log(1 − D(fake)). Stay finite for logits of any size.
 *
 * @param realLogits [N] or [N, 1]: D's logits for real samples
 * @param fakeLogits [M] or [M, 1]: D's logits for generated samples (M may differ from N)
 * @returns a scalar
 */
export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar {
  throw new NotImplemented('discriminatorLoss');
}

/**
 * The generator's loss from D's logits for its samples: −mean log D(fake) when
 * `nonSaturating`, else the minimax term mean log(1 − D(fake)).
 *
 * @param fakeLogits    [M] or [M, 1]
 * @param nonSaturating which of the two forms
 * @returns a scalar
 */
export function generatorLoss(fakeLogits: tf.Tensor, nonSaturating: boolean): tf.Scalar {
  throw new NotImplemented('generatorLoss');
}

/**
 * A GAN for 2-D points: a generator [null, latent] noise → [null, 2] points (you choose
 * latent) and a discriminator [null, 2] → [null, 1] logit (no sigmoid at the end). Seed
 * every initializer from `seed`.
 */
export function buildGan(seed: number): { generator: tf.LayersModel; discriminator: tf.LayersModel } {
  throw new NotImplemented('buildGan');
}
