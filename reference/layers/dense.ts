import * as tf from '@tensorflow/tfjs';
import { checkRank, checkTensor } from '../check.ts';

/**
 * A fully connected layer without activation: xW + b. The notes write Wx with W [m, n]
 * acting on one column vector; here a batch of row vectors x [N, n] meets W [n, m], the
 * layout of tf.layers.dense, so W here is the notes' Wᵀ.
 */
export function dense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  checkRank('dense', 'x', x, 2);
  checkRank('dense', 'w', w, 2);
  checkRank('dense', 'b', b, 1);
  if (x.shape[1] !== w.shape[0]) {
    throw new Error(`dense: w must have x's ${x.shape[1]} features as its rows, but got w of shape [${w.shape.join(',')}]`);
  }
  if (b.shape[0] !== w.shape[1]) {
    throw new Error(`dense: b must have one entry per column of w (${w.shape[1]}), but got ${b.shape[0]}`);
  }
  return tf.tidy(() => x.matMul(w).add(b) as tf.Tensor2D); // [N, m]
}

/**
 * σ(x) = 1/(1 + e^−x). Written with e = e^−|x| ∈ (0, 1] so that nothing overflows:
 * 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0. |x| is taken with tf.where rather than
 * tf.abs so that the gradient at 0 is the x ≥ 0 branch's (abs'(0) is −1 in tfjs).
 */
export function sigmoid<T extends tf.Tensor>(x: T): T {
  checkTensor('sigmoid', 'x', x);
  return tf.tidy(() => {
    const pos = x.greaterEqual(0);
    const e = tf.where(pos, x.neg(), x).exp(); // e^−|x|, like x
    return tf.where(pos, tf.div(1, e.add(1)), e.div(e.add(1))) as T;
  });
}

/** tanh(x) = sign(x)·(1 − e^−2|x|)/(1 + e^−2|x|): the notes' (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) is ∞/∞ beyond |x| ≈ 89. */
export function tanh<T extends tf.Tensor>(x: T): T {
  checkTensor('tanh', 'x', x);
  return tf.tidy(() => {
    const pos = x.greaterEqual(0);
    const e = tf.where(pos, x.mul(-2), x.mul(2)).exp(); // e^−2|x|, like x
    const t = tf.sub(1, e).div(e.add(1)); // tanh(|x|)
    return tf.where(pos, t, t.neg()) as T;
  });
}

/** max(0, x). The 0 comes first so that the gradient at x = 0 is 0, as in tf.relu (tf.maximum sends ties to its first argument). */
export function relu<T extends tf.Tensor>(x: T): T {
  checkTensor('relu', 'x', x);
  return tf.tidy(() => tf.maximum(tf.zerosLike(x), x) as T);
}
