// Correct, writing the resampled column back by eye-mask arithmetic: x·(1 − eᵢ) + new ⊗ eᵢ, tf.keep and dispose across the loop
import * as tf from '@tensorflow/tfjs';

// Unit i of every chain resampled with tensor ops; the column is replaced by mask arithmetic:
// x ← x ⊙ (1 − eᵢ) + new ⊗ eᵢ.
export function gibbsSweep(x: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D, seed: number): tf.Tensor2D {
  const [b, n] = x.shape;
  return tf.tidy(() => {
    let cur: tf.Tensor2D = x.clone();
    const eye = tf.eye(n);
    for (let i = 0; i < n; i++) {
      const col = tf.slice(w, [0, i], [n, 1]);                        // W[:, i]  [n, 1]
      const field = cur.matMul(col).reshape([b]).add(bias.slice([i], [1])); // (Wx)ᵢ + biasᵢ  [B]
      const p = tf.sigmoid(field.mul(2));
      const u = tf.randomUniform([b], 0, 1, 'float32', seed * 1009 + i);
      const xi = tf.where(tf.less(u, p), tf.onesLike(p), tf.onesLike(p).neg()); // ±1  [B]
      const ei = eye.slice([i, 0], [1, n]);                           // [1, n]
      const next = cur.mul(tf.sub(1, ei)).add(xi.reshape([b, 1]).mul(ei)) as tf.Tensor2D;
      cur.dispose();
      cur = tf.keep(next);
    }
    return cur;
  });
}

export function boltzmannGradient(data: tf.Tensor2D, model: tf.Tensor2D): { dW: tf.Tensor2D; dBias: tf.Tensor1D } {
  return tf.tidy(() => {
    const n = data.shape[1];
    const second = (s: tf.Tensor2D) => tf.matMul(s, s, true, false).div(s.shape[0]);
    const noDiag = tf.ones([n, n]).sub(tf.eye(n));
    const dW = second(data).sub(second(model)).mul(noDiag) as tf.Tensor2D;
    const dBias = data.mean(0).sub(model.mean(0)) as tf.Tensor1D;
    return { dW, dBias };
  });
}
