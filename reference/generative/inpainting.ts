import * as tf from '@tensorflow/tfjs';
import { checkInteger, checkSameShape, checkTensor } from '../check.ts';

/** A trained VAE in the family's convention: encoder [N, 784] → [N, 2L] (μ, log σ²), decoder [N, L] → [N, 784] logits. */
export interface Vae {
  encoder: tf.LayersModel;
  decoder: tf.LayersModel;
}

function latentOf(vae: Vae): number {
  if (!(vae?.encoder instanceof tf.LayersModel) || !(vae?.decoder instanceof tf.LayersModel)) throw new Error('inpaint: vae must be {encoder, decoder}, two tf.LayersModel');
  const l = vae.decoder.inputs[0]!.shape[1];
  if (typeof l !== 'number') throw new Error('inpaint: the decoder\'s input must be [null, L]');
  return l;
}

/**
 * Fills the missing pixels of `x` with the VAE (notes 2.1.3.5.1): start them at 0 (the
 * background, the commonest pixel of a digit), then
 * `steps` times encode the current image, decode the mean code μ and copy the decoder's
 * probabilities σ(logits) into the missing pixels only. Known pixels (mask = 1) are copied
 * from x, never computed, so they come back bit for bit.
 *
 * @param x    [N, 784] images; the values under mask = 0 are ignored
 * @param mask [N, 784] 1 where the pixel is known, 0 where it is missing
 * @returns [N, 784]: x where mask = 1, the VAE's pixel probabilities where mask = 0
 */
export function inpaint(vae: Vae, x: tf.Tensor, mask: tf.Tensor, steps: number): tf.Tensor2D {
  const latent = latentOf(vae);
  checkTensor('inpaint', 'x', x);
  if (x.rank !== 2 || x.shape[1] !== 784) throw new Error(`inpaint: x must be [N, 784], but got [${x.shape.join(',')}]`);
  checkTensor('inpaint', 'mask', mask);
  checkSameShape('inpaint', ['x', x], ['mask', mask]);
  checkInteger('inpaint', 'steps', steps, 0);
  return tf.tidy(() => {
    const known = tf.cast(mask, 'bool'); // [N, 784]
    let current = tf.where(known, x, tf.zerosLike(x)) as tf.Tensor2D;
    for (let t = 0; t < steps; t++) {
      const next = tf.tidy(() => {
        const mu = tf.slice(vae.encoder.predict(current) as tf.Tensor2D, [0, 0], [-1, latent]); // [N, L]
        const p = tf.sigmoid(vae.decoder.predict(mu) as tf.Tensor2D); // [N, 784]
        return tf.where(known, x, p) as tf.Tensor2D;
      });
      current.dispose();
      current = next;
    }
    return current;
  });
}
