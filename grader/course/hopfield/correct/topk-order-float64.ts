// Correct, with a tf.topk visiting order and float64 recall: the order from topk of seeded uniforms, W by a transposed matMul masked with 1 − eye
import * as tf from '@tensorflow/tfjs';

export function hebbianWeights(patterns: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const n = patterns.shape[1];
    const outer = tf.matMul(patterns, patterns, true, false).div(n); // Xᵀ X / n
    const offDiag = tf.sub(tf.ones([n, n]), tf.eye(n));
    return outer.mul(offDiag) as tf.Tensor2D;
  });
}

export function energy(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => x.matMul(w).mul(x).sum(1).mul(-0.5) as tf.Tensor1D);
}

// Visiting order: the indices of tf.topk over seeded uniforms (a random permutation).
function order(n: number, seed: number): Int32Array {
  return tf.tidy(() => tf.topk(tf.randomUniform([n], 0, 1, 'float32', seed), n).indices.dataSync() as Int32Array);
}

export function recall(x0: tf.Tensor2D, w: tf.Tensor2D, sweeps: number, seed: number): tf.Tensor2D {
  const [batch, n] = x0.shape;
  const x = Float64Array.from(x0.dataSync());
  const W = w.dataSync();
  for (let s = 0; s < sweeps; s++) {
    const perm = order(n, seed * 100003 + s);
    for (const i of perm) {
      for (let r = 0; r < batch; r++) {
        let h = 0;
        for (let j = 0; j < n; j++) h += W[i * n + j] * x[r * n + j];
        if (h > 0) x[r * n + i] = 1;
        else if (h < 0) x[r * n + i] = -1;
      }
    }
  }
  return tf.tensor2d(Float32Array.from(x), [batch, n]);
}
