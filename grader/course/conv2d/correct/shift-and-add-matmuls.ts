// Correct, as shift-and-add of one matMul per kernel offset: strided views by a rank-6 reshape of the padded block, accumulated by reassignment
import * as tf from '@tensorflow/tfjs';

// One strided view xp[:, u::s1, v::s2, :] cut to [N, Ho, Wo, C1]: slice the block the view
// spans, zero-pad it to Ho·s1 × Wo·s2, split each axis into (count, stride) and keep stride 0.
function stridedView(xp: tf.Tensor4D, u: number, v: number, ho: number, wo: number, s1: number, s2: number): tf.Tensor4D {
  const [n, , , c] = xp.shape;
  const block = tf.slice(xp, [0, u, v, 0], [n, (ho - 1) * s1 + 1, (wo - 1) * s2 + 1, c]);
  const full = tf.pad(block, [[0, 0], [0, s1 - 1], [0, s2 - 1], [0, 0]]);
  const six = full.reshape([n, ho, s1, wo, s2, c]);
  return tf.slice(six, [0, 0, 0, 0, 0, 0], [n, ho, 1, wo, 1, c]).reshape([n, ho, wo, c]) as tf.Tensor4D;
}

// Shift-and-add: y = b + Σ_(u,v) view(u,v) · w[u, v] (a [C1, C2] matMul per kernel offset).
export function conv2d(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, stride: [number, number], pad: [number, number]): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, wd, c1] = x.shape;
    const [k1, k2, , c2] = w.shape;
    const [s1, s2] = stride;
    const [p1, p2] = pad;
    const ho = Math.floor((h - k1 + 2 * p1) / s1) + 1;
    const wo = Math.floor((wd - k2 + 2 * p2) / s2) + 1;
    const xp = tf.pad(x, [[0, 0], [p1, p1], [p2, p2], [0, 0]]) as tf.Tensor4D;
    let acc: tf.Tensor = tf.zeros([n * ho * wo, c2]);
    for (let u = 0; u < k1; u++) {
      for (let v = 0; v < k2; v++) {
        const view = stridedView(xp, u, v, ho, wo, s1, s2).reshape([n * ho * wo, c1]);
        const wuv = tf.slice(w, [u, v, 0, 0], [1, 1, c1, c2]).reshape([c1, c2]);
        acc = acc.add(tf.matMul(view, wuv));
      }
    }
    return acc.add(b).reshape([n, ho, wo, c2]) as tf.Tensor4D;
  });
}
