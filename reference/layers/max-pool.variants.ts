import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';
import { everyNth } from './conv2d.ts';
import { maxPool2d } from './max-pool.ts';

type Pool = (x: tf.Tensor4D, k: number, stride: number) => tf.Tensor4D;

/** The k² strided views x[:, u::s, v::s, :] of the windows, in row-major order of (u, v). */
function views(x: tf.Tensor4D, k: number, s: number): tf.Tensor4D[] {
  const ho = Math.floor((x.shape[1] - k) / s) + 1;
  const wo = Math.floor((x.shape[2] - k) / s) + 1;
  const out: tf.Tensor4D[] = [];
  for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) out.push(everyNth(everyNth(x, 1, u, ho, s), 2, v, wo, s));
  return out;
}

/** A copy of t off the gradient tape (tfjs has no stopGradient). */
function constant(t: tf.Tensor): tf.Tensor {
  return tf.tensor(t.dataSync(), t.shape, t.dtype);
}

/**
 * The max pool's value with a chosen gradient: y + Σ_uv (view_uv − view_uv)·weight_uv, where
 * the subtracted copy and the weights are off the tape, so the value is exactly y and the
 * gradient of a window reaches position (u, v) scaled by weight_uv.
 */
function poolWithWeights(x: tf.Tensor4D, k: number, s: number, weights: (vs: tf.Tensor[], y: tf.Tensor) => tf.Tensor[]): tf.Tensor4D {
  return tf.tidy(() => {
    const vs = views(x, k, s);
    const y = constant(maxPool2d(x, k, s));
    const ws = weights(vs.map(constant), y);
    return vs.reduce<tf.Tensor>((acc, v, i) => acc.add(v.sub(constant(v)).mul(ws[i]!)), y) as tf.Tensor4D;
  });
}

export const variants: Variant[] = [
  {
    id: 'ties-to-last',
    verdict: 'accepted',
    hint: 'a tie in a window sends its gradient to the last maximum in row-major order (as tf.maxPool does on the wasm backend) instead of the first',
    exports: {
      maxPool2d: ((x, k, s) => tf.tidy(() => views(x, k, s).reduce((m, v) => tf.maximum(v, m)).clone())) as Pool,
    },
  },
  {
    id: 'ties-split-evenly',
    verdict: 'accepted',
    hint: "a tie in a window splits the window's gradient evenly among its maxima (also a valid subgradient) instead of sending it all to the first",
    exports: {
      maxPool2d: ((x, k, s) =>
        poolWithWeights(x, k, s, (vs, y) => {
          const masks = vs.map((v) => tf.equal(v, y).toFloat());
          const count = tf.addN(masks);
          return masks.map((m) => m.div(count));
        })) as Pool,
    },
  },
  {
    id: 'ties-to-all',
    verdict: 'mistake',
    hint: "Your gradient matches a max that sends the whole gradient of a window to every tied maximum (what tf.max gives on reshaped windows), so a window with a tie passes on more gradient than it received: route each window's gradient to one maximum (the first in row-major order, as tf.maxPool; tf.maximum(a, b) sends ties to a).",
    exports: {
      maxPool2d: ((x, k, s) => poolWithWeights(x, k, s, (vs, y) => vs.map((v) => tf.equal(v, y).toFloat()))) as Pool,
    },
  },
  {
    id: 'notes-output-size',
    verdict: 'mistake',
    hint: "Your output has the notes' size ⌊(n − k)/s⌋, one row and one column short: the output has ⌊(n − k)/s⌋ + 1 rows (windows start at rows 0, s, 2s, … as long as the window fits), and likewise for columns.",
    exports: {
      maxPool2d: ((x, k, s) =>
        tf.tidy(() => {
          const y = maxPool2d(x, k, s);
          return y.slice([0, 0, 0, 0], [-1, y.shape[1] - 1, y.shape[2] - 1, -1]);
        })) as Pool,
    },
  },
  {
    id: 'starts-from-zero',
    verdict: 'mistake',
    hint: 'Your output matches max(0, window max): start the running maximum from the window\'s first element (or −∞), not from 0; a window can be all negative.',
    exports: { maxPool2d: ((x, k, s) => tf.tidy(() => tf.maximum(maxPool2d(x, k, s), 0))) as Pool },
  },
  {
    id: 'average-pool',
    verdict: 'mistake',
    hint: 'Your output matches average pooling: max pooling keeps the largest value of each window, not the mean.',
    exports: { maxPool2d: ((x, k, s) => tf.avgPool(x, k, s, 'valid')) as Pool },
  },
];
