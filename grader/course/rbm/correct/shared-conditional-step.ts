// Correct, with one conditional for both layers and tf.step draws: layerProbs(a, M, bias, transpose), Bernoulli as tf.step(p − u), seeds from a draw counter
import * as tf from '@tensorflow/tfjs';

/** σ(a·M + bias) with M optionally transposed. */
function layerProbs(a: tf.Tensor2D, m: tf.Tensor2D, bias: tf.Tensor1D, transpose: boolean): tf.Tensor2D {
  return tf.tidy(() => tf.sigmoid(tf.matMul(a, m, false, transpose).add(bias)) as tf.Tensor2D);
}

/** 1 where u < p: step(p − u) is 1 for p − u > 0 and 0 otherwise. */
function bernoulli(p: tf.Tensor, seed: number): tf.Tensor {
  return tf.tidy(() => tf.step(p.sub(tf.randomUniform(p.shape, 0, 1, 'float32', seed))));
}

export function hiddenProbs(v: tf.Tensor2D, w: tf.Tensor2D, c: tf.Tensor1D): tf.Tensor2D {
  return layerProbs(v, w, c, false);
}

export function visibleProbs(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return layerProbs(h, w, b, true);
}

export function sampleBernoulli(p: tf.Tensor, seed: number): tf.Tensor {
  return bernoulli(p, seed);
}

export function cdGradient(v0: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D, k: number, seed: number): { dW: tf.Tensor2D; db: tf.Tensor1D; dc: tf.Tensor1D } {
  return tf.tidy(() => {
    const batch = v0.shape[0];
    const ph0 = hiddenProbs(v0, w, c);
    let v = v0 as tf.Tensor2D;
    let ph = ph0;
    let draw = 0;
    const nextSeed = () => seed * 7907 + draw++;
    for (let step = 0; step < k; step++) {
      const h = sampleBernoulli(ph, nextSeed()) as tf.Tensor2D;
      v = sampleBernoulli(visibleProbs(h, w, b), nextSeed()) as tf.Tensor2D;
      ph = hiddenProbs(v, w, c);
    }
    const dW = tf.matMul(v0, ph0, true).sub(tf.matMul(v, ph, true)).div(batch) as tf.Tensor2D;
    const db = v0.sub(v).mean(0) as tf.Tensor1D;
    const dc = ph0.sub(ph).mean(0) as tf.Tensor1D;
    return { dW, db, dc };
  });
}
