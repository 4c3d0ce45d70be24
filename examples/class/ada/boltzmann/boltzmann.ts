import * as tf from '@tensorflow/tfjs';

// Correct, in plain JS: the in-order Gibbs sweep for every chain with a seeded mulberry32
// generator (one fresh uniform per unit and chain), and the gradient's averages of x xᵀ as
// float64 loops.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gibbsSweep(x: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D, seed: number): tf.Tensor2D {
  const [b, n] = x.shape;
  const s = Float64Array.from(x.dataSync());
  const ws = w.dataSync();
  const bs = bias.dataSync();
  const random = mulberry32(seed);
  for (let r = 0; r < b; r++) {
    for (let i = 0; i < n; i++) {
      let field = bs[i]!;
      for (let j = 0; j < n; j++) field += ws[i * n + j]! * s[r * n + j]!;
      const pUp = 1 / (1 + Math.exp(-2 * field));
      s[r * n + i] = random() < pUp ? 1 : -1;
    }
  }
  return tf.tensor2d(Float32Array.from(s), [b, n]);
}

function secondMoments(x: tf.Tensor2D): { xx: Float64Array; mean: Float64Array } {
  const [m, n] = x.shape;
  const v = x.dataSync();
  const xx = new Float64Array(n * n);
  const mean = new Float64Array(n);
  for (let r = 0; r < m; r++) {
    for (let i = 0; i < n; i++) {
      mean[i] += v[r * n + i]! / m;
      for (let j = 0; j < n; j++) xx[i * n + j] += (v[r * n + i]! * v[r * n + j]!) / m;
    }
  }
  return { xx, mean };
}

export function boltzmannGradient(data: tf.Tensor2D, model: tf.Tensor2D): { dW: tf.Tensor2D; dBias: tf.Tensor1D } {
  const n = data.shape[1];
  const d = secondMoments(data);
  const m = secondMoments(model);
  const dW = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dW[i * n + j] = i === j ? 0 : d.xx[i * n + j]! - m.xx[i * n + j]!;
  const dBias = Float32Array.from(d.mean, (v, i) => v - m.mean[i]!);
  return { dW: tf.tensor2d(dW, [n, n]), dBias: tf.tensor1d(dBias) };
}
