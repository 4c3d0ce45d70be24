// Correct, with outer products, two-operand tf.einsum and a column-by-column tf.concat recall: bandPart for the diagonal, a mulberry32 shuffle
import * as tf from '@tensorflow/tfjs';

// Hebbian as a sum of outer products; energy with tf.einsum; recall on tensors, one column at a time.
export function hebbianWeights(patterns: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [p, n] = patterns.shape;
    const outers: tf.Tensor[] = [];
    for (let k = 0; k < p; k++) {
      const row = patterns.slice([k, 0], [1, n]).reshape([n]) as tf.Tensor1D;
      outers.push(tf.outerProduct(row, row));
    }
    const w = tf.addN(outers).div(n);
    return tf.linalg.bandPart(w, 0, 0).neg().add(w) as tf.Tensor2D; // W − diag(W)
  });
}

export function energy(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.einsum('bi,ij->bj', x, w).mul(x).sum(1).mul(-0.5) as tf.Tensor1D);
}

// a small seeded PRNG (mulberry32) for the visiting order, Fisher–Yates shuffle
function mulberry32(a: number) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function recall(x0: tf.Tensor2D, w: tf.Tensor2D, sweeps: number, seed: number): tf.Tensor2D {
  const [, n] = x0.shape;
  const rand = mulberry32(seed);
  let x = tf.clone(x0);
  for (let s = 0; s < sweeps; s++) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const next = tf.tidy(() => {
        const h = x.matMul(w.slice([0, i], [n, 1])); // [B, 1]
        const xi = x.slice([0, i], [-1, 1]);
        const upd = tf.where(tf.greater(h, 0), tf.onesLike(h), tf.where(tf.less(h, 0), tf.onesLike(h).neg(), xi));
        const left = x.slice([0, 0], [-1, i]);
        const right = x.slice([0, i + 1], [-1, n - i - 1]);
        return tf.concat([left, upd, right], 1) as tf.Tensor2D;
      });
      x.dispose();
      x = next;
    }
  }
  return x;
}
