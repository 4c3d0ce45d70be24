import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

const stats = (x: tf.Tensor2D, reduce: 'mean' | 'sum') => {
  const xx = tf.matMul(x, x, true, false);
  return reduce === 'mean' ? { xx: tf.div(xx, x.shape[0]), m: tf.mean(x, 0) } : { xx, m: tf.sum(x, 0) };
};
const grad = (sign: number, reduce: 'mean' | 'sum') => (data: tf.Tensor2D, model: tf.Tensor2D) => tf.tidy(() => {
  const d = stats(data, reduce), m = stats(model, reduce);
  const n = data.shape[1];
  return { dW: tf.mul(tf.mul(tf.sub(d.xx, m.xx), tf.sub(1, tf.eye(n))), sign), dBias: tf.mul(tf.sub(d.m, m.m), sign) };
});

export const variants: Variant[] = [
  {
    id: 'model-minus-data',
    verdict: 'mistake',
    hint: 'Your gradient matches model statistics minus data statistics, the DESCENT direction: the ascent direction of the log-likelihood is data minus model.',
    exports: { boltzmannGradient: grad(-1, 'mean') },
  },
  {
    id: 'sums-not-means',
    verdict: 'mistake',
    hint: 'Your gradient matches SUMS over the examples: average each term over its own batch (the data and the model samples may differ in number).',
    exports: { boltzmannGradient: grad(1, 'sum') },
  },
];
