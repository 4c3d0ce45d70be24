/** Targets, proposals and integrands for importance sampling, built in the sandbox from plain data. */
import * as tf from '@tensorflow/tfjs';

export interface Gaussian1d {
  mean: number;
  std: number;
}
/** An unnormalised Gaussian target p̃ = e^logZ · N(mean, std²). */
export interface TargetSpec extends Gaussian1d {
  logZ: number;
}
export type IntegrandSpec = { kind: 'x' } | { kind: 'x2' } | { kind: 'above'; c: number };

const LOG_2PI = Math.log(2 * Math.PI);
const logNormal = (g: Gaussian1d) => (x: tf.Tensor2D) => tf.tidy(() => tf.reshape(tf.sub(tf.mul(-0.5, tf.square(tf.div(tf.sub(x, g.mean), g.std))), Math.log(g.std) + 0.5 * LOG_2PI), [-1]) as tf.Tensor1D);

export function targetOf(t: TargetSpec): (x: tf.Tensor2D) => tf.Tensor1D {
  const ln = logNormal(t);
  return (x) => tf.tidy(() => tf.add(ln(x), t.logZ) as tf.Tensor1D);
}

export function samplerOf(g: Gaussian1d) {
  return {
    sample: (n: number, seed: number) => tf.randomNormal([n, 1], g.mean, g.std, 'float32', seed) as tf.Tensor2D,
    logProb: logNormal(g),
  };
}

export function integrandOf(f: IntegrandSpec): (x: tf.Tensor2D) => tf.Tensor1D {
  if (f.kind === 'x') return (x) => tf.reshape(x, [-1]) as tf.Tensor1D;
  if (f.kind === 'x2') return (x) => tf.tidy(() => tf.reshape(tf.square(x), [-1]) as tf.Tensor1D);
  return (x) => tf.tidy(() => tf.reshape(tf.cast(tf.greater(x, f.c), 'float32'), [-1]) as tf.Tensor1D);
}
