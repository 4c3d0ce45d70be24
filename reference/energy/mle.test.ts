import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { compareOp, onlyOutputs } from '../testing/oracle.ts';
import { Rng } from '../../grader/basics/rng.ts';
import { bernoulliLogLikelihood, gaussianLogLikelihood } from './mle.ts';

/** log σ(l) in float64, stable: −log(1 + e^−l). */
const logSigmoid = (l: number) => (l >= 0 ? -Math.log1p(Math.exp(-l)) : l - Math.log1p(Math.exp(l)));

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`mle on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it('when compared with tf.losses.sigmoidCrossEntropy (summed per example) then values and gradients agree', () => {
      const rng = new Rng('mle-oracle');
      const r = compareOp({
        name: 'bernoulliLogLikelihood',
        f: (x, l) => bernoulliLogLikelihood(x, l),
        oracle: (x, l) => tf.neg(tf.sum(tf.losses.sigmoidCrossEntropy(x, l, undefined, 0, tf.Reduction.NONE), 1)),
        inputs: () => [tf.tensor(Float32Array.from(rng.uniforms(60), (u) => (u < 0.4 ? 1 : 0)), [6, 10]), tf.tensor(rng.normals(60, 0, 4), [6, 10])],
        wrt: [1],
      });
      expect(r.value).toBeLessThan(1e-4); // sums of 10 float32 terms of size ~4
      expect(r.grads[0]).toBeLessThan(1e-5);
    });

    it('when logits are ±1000 then the log-likelihood is exact and finite (float64 oracle)', async () => {
      await expectNoLeak(() => {
        const l = [1000, -1000, 1000, -1000, 30, -30, 0, 88.8];
        const x = [1, 0, 0, 1, 1, 1, 0, 1];
        const xt = tf.tensor2d(x, [8, 1]), lt = tf.tensor2d(l, [8, 1]);
        const got = onlyOutputs('bernoulliLogLikelihood', () => bernoulliLogLikelihood(xt, lt));
        const want = l.map((li, i) => (x[i] ? logSigmoid(li) : logSigmoid(-li)));
        const v = Array.from(got.dataSync());
        v.forEach((a, i) => expect(Math.abs(a - want[i]!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want[i]!))));
        tf.dispose([got, xt, lt]);
      });
    });

    it('when x = mean = 0 and logVar = 0 then log N = −½ log 2π per dimension (textbook), and it matches a float64 oracle on random data', () => {
      const rng = new Rng('mle-gauss');
      const x = rng.normals(24), m = rng.normals(24), lv = rng.normals(24, 0, 1.5);
      const want = [0, 1, 2, 3].map((n) => {
        let s = 0;
        for (let j = 0; j < 6; j++) {
          const i = n * 6 + j;
          s += -0.5 * (Math.log(2 * Math.PI) + lv[i]! + (x[i]! - m[i]!) ** 2 * Math.exp(-lv[i]!));
        }
        return s;
      });
      const zero = tf.zeros([2, 3]);
      const t = [tf.tensor(x, [4, 6]), tf.tensor(m, [4, 6]), tf.tensor(lv, [4, 6])] as const;
      const before = tf.memory().numTensors;
      const a = gaussianLogLikelihood(zero, zero, zero);
      const b = gaussianLogLikelihood(...t);
      expect(tf.memory().numTensors - before).toBe(2);
      for (const v of a.dataSync()) expect(Math.abs(v - -1.5 * Math.log(2 * Math.PI))).toBeLessThan(1e-6);
      Array.from(b.dataSync()).forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(want[i]!))));
      tf.dispose([zero, ...t, a, b]);
    });

    it('when differentiated then the gradients are the textbook ones: ∂/∂μ = (x − μ)/σ², ∂/∂logVar = −½ + ½(x − μ)²/σ²', () => {
      const r = compareOp({
        name: 'gaussianLogLikelihood',
        f: (x, m, lv) => gaussianLogLikelihood(x, m, lv),
        // log N written another way: log of tf's own exp of the density would underflow, so use the same formula through tf.pow/tf.div.
        oracle: (x, m, lv) => tf.sum(tf.sub(tf.mul(-0.5, tf.div(tf.pow(tf.sub(x, m), 2), tf.exp(lv))), tf.add(tf.mul(0.5, lv), 0.5 * Math.log(2 * Math.PI))), 1),
        inputs: () => { const rng = new Rng('g'); return [tf.tensor(rng.normals(12), [3, 4]), tf.tensor(rng.normals(12), [3, 4]), tf.tensor(rng.normals(12), [3, 4])]; },
        wrt: [0, 1, 2],
      });
      expect(r.value).toBeLessThan(1e-5);
      for (const g of r.grads) expect(g).toBeLessThan(1e-5);
    });

    it('when shapes disagree then it says who complained', () => {
      const a = tf.zeros([2, 3]), b = tf.zeros([2, 4]);
      expect(() => bernoulliLogLikelihood(a, b)).toThrow(/^bernoulliLogLikelihood: logits must have the shape of x \[2,3\]/);
      expect(() => gaussianLogLikelihood(a, a, b)).toThrow(/^gaussianLogLikelihood: logVar must have the shape/);
      tf.dispose([a, b]);
    });
  });
}
