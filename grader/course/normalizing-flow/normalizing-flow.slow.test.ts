import { describe, expect, it } from 'vitest';
import { check, grade, referenceSubmission, submissionWith, summary } from '../../../test/grading.ts';

const ID = 'normalizing-flow';
const MOONS = 'RealNVP on two moons: held-out NLL';

/**
 * A correct solution written differently from the reference (tf.where for the halves, logDet
 * as Σ s − Σ m·s, x·e^s + t as (x + t·e^−s)·e^s, tf.addN): its training sees different float32
 * rounding, so its NLL shows how far an honest answer drifts from the reference's under the margin.
 */
const ALTERNATIVE = `
import * as tf from '@tensorflow/tfjs';
type Net = (x: tf.Tensor2D) => { s: tf.Tensor; t: tf.Tensor };
const keep = (m: tf.Tensor, n: number) => tf.tile(tf.reshape(m, [1, -1]).cast('bool'), [n, 1]);
export function couplingForward(x: tf.Tensor2D, mask: tf.Tensor, net: Net) {
  return tf.tidy(() => {
    const m = tf.reshape(mask, [1, -1]);
    const { s, t } = net(tf.mul(x, m) as tf.Tensor2D);
    const y = tf.where(keep(mask, x.shape[0]), x, tf.mul(tf.add(x, tf.mul(t, tf.exp(tf.neg(s)))), tf.exp(s))) as tf.Tensor2D;
    return { y, logDet: tf.sub(tf.sum(s, -1), tf.sum(tf.mul(s, m), -1)) as tf.Tensor1D };
  });
}
export function couplingInverse(y: tf.Tensor2D, mask: tf.Tensor, net: Net) {
  return tf.tidy(() => {
    const { s, t } = net(tf.mul(y, tf.reshape(mask, [1, -1])) as tf.Tensor2D);
    return tf.where(keep(mask, y.shape[0]), y, tf.div(tf.sub(y, t), tf.exp(s))) as tf.Tensor2D;
  });
}
export function flowLogProb(x: tf.Tensor2D, layers: { mask: tf.Tensor; net: Net }[]) {
  return tf.tidy(() => {
    let z = x;
    const terms: tf.Tensor[] = [];
    for (const l of layers) {
      const o = couplingForward(z, l.mask, l.net);
      z = o.y;
      terms.push(o.logDet);
    }
    terms.push(tf.sub(tf.mul(-0.5, tf.sum(tf.square(z), 1)), 0.5 * x.shape[1] * Math.log(2 * Math.PI)));
    return tf.addN(terms) as tf.Tensor1D;
  });
}
`;

// About 30–50 s a seed on 2 shared cores for the reference (it trains once as the student and
// once as the reference), then ~15–25 s a seed for the alternative (the reference is cached).
describe('normalizing-flow, many seeds', () => {
  it('when the reference is graded under seeds 1..20 then it never fails', async () => {
    const dir = referenceSubmission(ID);
    for (let seed = 1; seed <= 20; seed++) {
      const r = await grade(ID, dir, seed);
      // The NLL per seed, for the README's figures.
      console.log(`seed ${seed} (${(r.durationMs / 1000).toFixed(0)} s): ${check(r, MOONS).message}`);
      expect(r.score, `seed ${seed}:\n${summary(r)}`).toBe(r.maxScore);
    }
  });

  it('when a correct but differently written solution is graded under seeds 1..20 then it never fails', async () => {
    const dir = submissionWith(ID, ALTERNATIVE);
    for (let seed = 1; seed <= 20; seed++) {
      const r = await grade(ID, dir, seed);
      console.log(`alternative, seed ${seed} (${(r.durationMs / 1000).toFixed(0)} s): ${check(r, MOONS).message}`);
      expect(r.score, `seed ${seed}:\n${summary(r)}`).toBe(r.maxScore);
    }
  });
});
