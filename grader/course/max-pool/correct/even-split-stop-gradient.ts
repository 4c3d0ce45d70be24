// Correct, with the even-split tie rule through a stop-gradient copy: value max + Σ(v − stop(v))·share, share = 1/(number of maxima)
import * as tf from '@tensorflow/tfjs';

// The k² strided views of x, stacked on a last axis: [N, H', W', C, k²]
function windows(x: tf.Tensor4D, k: number, s: number): tf.Tensor {
  const [, h, w] = x.shape;
  const ho = Math.floor((h - k) / s) + 1, wo = Math.floor((w - k) / s) + 1;
  const views: tf.Tensor[] = [];
  for (let u = 0; u < k; u++) {
    for (let v = 0; v < k; v++) {
      const r = tf.range(u, u + s * (ho - 1) + 1, s, 'int32');
      const c = tf.range(v, v + s * (wo - 1) + 1, s, 'int32');
      views.push(x.gather(r, 1).gather(c, 2));
    }
  }
  return tf.stack(views, 4);
}

/** A copy with no gradient path back (the value read out and made a new tensor). */
const stopGradient = (t: tf.Tensor) => tf.tensor(t.dataSync(), t.shape, t.dtype);

// Even split among tied maxima: y = max + Σ_k (v_k − stop(v_k))·share_k, where share_k is
// 1/(number of maxima) on each maximum of the window and 0 elsewhere. The added sum is exactly
// 0 in value, and its gradient is the split.
export function maxPool2d(x: tf.Tensor4D, k: number, stride: number): tf.Tensor4D {
  return tf.tidy(() => {
    const win = windows(x, k, stride);
    const frozen = stopGradient(win);
    const top = frozen.max(-1, true);
    const isMax = frozen.greaterEqual(top).cast('float32');
    const share = isMax.div(isMax.sum(-1, true));
    const carry = win.sub(frozen).mul(share).sum(-1);
    return top.squeeze([4]).add(carry) as tf.Tensor4D;
  });
}
