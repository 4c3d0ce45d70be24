// Correct, without tf.tidy and with the ESS from logs: every tensor disposed by hand, weights by tf.logSumExp, ESS = exp(2·lse(ℓ) − lse(2ℓ))
import * as tf from '@tensorflow/tfjs';

// Manual dispose instead of tf.tidy; the ESS straight from logs:
// ess = 1/Σw² = exp(2·lse(ℓ) − lse(2ℓ)) for log-weights ℓ.
export function importanceEstimate(
  f: (x: tf.Tensor2D) => tf.Tensor1D,
  logPUnnorm: (x: tf.Tensor2D) => tf.Tensor1D,
  q: { sample(n: number, seed: number): tf.Tensor2D; logProb(x: tf.Tensor2D): tf.Tensor1D },
  n: number,
  seed: number,
): { estimate: number; ess: number } {
  const xs = q.sample(n, seed);
  const lp = logPUnnorm(xs);
  const lq = q.logProb(xs);
  const fx = f(xs);
  const logW = tf.sub(lp, lq);
  const lse = tf.logSumExp(logW);
  const logW2 = tf.mul(logW, 2);
  const lse2 = tf.logSumExp(logW2);
  const w = tf.exp(tf.sub(logW, lse));
  const wf = tf.mul(w, fx);
  const est = tf.sum(wf);
  const estimate = est.dataSync()[0];
  const ess = Math.exp(2 * lse.dataSync()[0] - lse2.dataSync()[0]);
  for (const t of [xs, lp, lq, fx, logW, lse, logW2, lse2, w, wf, est]) t.dispose();
  return { estimate, ess };
}
