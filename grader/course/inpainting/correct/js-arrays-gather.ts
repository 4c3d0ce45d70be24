import * as tf from '@tensorflow/tfjs';

// Correct, with the fill done in plain JS arrays: the images and the mask read once with
// dataSync, each round's guess copied pixel by pixel into a Float32Array where mask = 0 (the
// known pixels are never written, so they stay x's own values), μ taken with tf.gather on the
// column indices 0..L−1, and the start value each image's mean over its known pixels.
export function inpaint(vae: { encoder: tf.LayersModel; decoder: tf.LayersModel }, x: tf.Tensor2D, mask: tf.Tensor2D, steps: number): tf.Tensor2D {
  const [n, d] = x.shape;
  const latent = vae.decoder.inputs[0]!.shape[1] as number;
  const xs = x.dataSync();
  const ms = mask.dataSync();
  const current = Float32Array.from(xs);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (let j = 0; j < d; j++) {
      if (ms[i * d + j] === 1) {
        sum += xs[i * d + j]!;
        count++;
      }
    }
    const start = count > 0 ? sum / count : 0;
    for (let j = 0; j < d; j++) if (ms[i * d + j] !== 1) current[i * d + j] = start;
  }
  const muColumns = Array.from({ length: latent }, (_, k) => k);
  for (let t = 0; t < steps; t++) {
    const guess = tf.tidy(() => {
      const code = vae.encoder.predict(tf.tensor2d(current, [n, d])) as tf.Tensor2D; // [N, 2L]
      const mu = tf.gather(code, muColumns, 1); // [N, L]
      return tf.sigmoid(vae.decoder.predict(mu) as tf.Tensor2D).dataSync(); // [N·784]
    });
    for (let k = 0; k < current.length; k++) if (ms[k] !== 1) current[k] = guess[k]!;
  }
  return tf.tensor2d(current, [n, d]);
}
