import * as tf from '@tensorflow/tfjs';
import { checkRank } from '../check.ts';

/** Integers [a, b] with a ≥ lo: strides (lo 1) and paddings (lo 0). */
function checkPair(who: string, name: string, v: unknown, lo: number): asserts v is [number, number] {
  const ok = Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= lo);
  if (!ok) throw new Error(`${who}: ${name} must be a pair of integers ≥ ${lo}, but got ${JSON.stringify(v)}`);
}

/**
 * Entries start, start + s, …, start + (count − 1)·s of `axis` (1 = rows, 2 = columns) of
 * x [N, H, W, C]. Written from slice, pad and reshape because tf.stridedSlice has no gradient
 * in tfjs: take the (count − 1)·s + 1 entries from `start`, pad to count·s, split the axis
 * into [count, s] and keep the first of each group of s.
 */
export function everyNth(x: tf.Tensor4D, axis: 1 | 2, start: number, count: number, s: number): tf.Tensor4D {
  const begin = [0, 0, 0, 0];
  const size = [-1, -1, -1, -1];
  begin[axis] = start;
  size[axis] = (count - 1) * s + 1;
  const t = tf.slice(x, begin, size);
  if (s === 1) return t;
  const pads: [number, number][] = [[0, 0], [0, 0], [0, 0], [0, 0]];
  pads[axis] = [0, s - 1];
  const grouped = [...x.shape] as number[];
  grouped.splice(axis, 1, count, s); // rank 5: [.., count, s, ..]
  const first = [-1, -1, -1, -1, -1];
  first[axis + 1] = 1;
  const out = [...x.shape] as [number, number, number, number];
  out[axis] = count;
  return tf.pad(t, pads).reshape(grouped).slice([0, 0, 0, 0, 0], first).reshape(out);
}

/**
 * A 2-D convolutional layer (notes 1.2.2), as every framework computes it: a cross-correlation
 * summed over the input channels, with one bias per output channel,
 *
 *   y[n, i, j, c2] = b[c2] + Σ_{u < k1} Σ_{v < k2} Σ_{c1} w[u, v, c1, c2] · xp[n, i·s1 + u, j·s2 + v, c1]
 *
 * where xp is x with p1 zero rows above and below and p2 zero columns left and right. The
 * output is [N, H', W', C2] with H' = ⌊(H − k1 + 2p1)/s1⌋ + 1 and W' = ⌊(W − k2 + 2p2)/s2⌋ + 1.
 *
 * Computed as im2col + one matMul: for each kernel offset (u, v) the strided view
 * xp[:, u::s1, v::s2, :] cut to [N, H', W', C1]; the k1·k2 views side by side are the
 * patches [N·H'·W', k1·k2·C1], whose columns are in w's (u, v, c1) order.
 */
export function conv2d(x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, stride: [number, number], pad: [number, number]): tf.Tensor4D {
  checkRank('conv2d', 'x', x, 4);
  checkRank('conv2d', 'w', w, 4);
  checkRank('conv2d', 'b', b, 1);
  checkPair('conv2d', 'stride', stride, 1);
  checkPair('conv2d', 'pad', pad, 0);
  const [n, h, wd, c1] = x.shape;
  const [k1, k2, wc1, c2] = w.shape;
  if (wc1 !== c1) throw new Error(`conv2d: w must be [k1, k2, ${c1}, C2] for x's ${c1} channels, but got w of shape [${w.shape.join(',')}]`);
  if (b.shape[0] !== c2) throw new Error(`conv2d: b must have one entry per output channel (${c2}), but got ${b.shape[0]}`);
  const [s1, s2] = stride;
  const [p1, p2] = pad;
  const ho = Math.floor((h - k1 + 2 * p1) / s1) + 1;
  const wo = Math.floor((wd - k2 + 2 * p2) / s2) + 1;
  if (ho < 1 || wo < 1) {
    throw new Error(`conv2d: the kernel [${k1},${k2}] must fit in the padded input [${h + 2 * p1},${wd + 2 * p2}], but it does not`);
  }
  return tf.tidy(() => {
    const xp = tf.pad(x, [[0, 0], [p1, p1], [p2, p2], [0, 0]]); // [N, H + 2p1, W + 2p2, C1]
    const views: tf.Tensor4D[] = [];
    for (let u = 0; u < k1; u++) {
      const rows = everyNth(xp, 1, u, ho, s1); // [N, H', W + 2p2, C1]
      for (let v = 0; v < k2; v++) views.push(everyNth(rows, 2, v, wo, s2)); // [N, H', W', C1]
    }
    const patches = tf.concat(views, 3).reshape([n * ho * wo, k1 * k2 * c1]);
    const y = patches.matMul(w.reshape([k1 * k2 * c1, c2])).add(b); // [N·H'·W', C2]
    return y.reshape([n, ho, wo, c2]) as tf.Tensor4D;
  });
}
