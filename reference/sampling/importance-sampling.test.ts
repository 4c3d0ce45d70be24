import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { integrandOf, samplerOf, targetOf } from '../../grader/course/importance-sampling/models.ts';
import { exactFromWeights, exactMoments } from '../../grader/course/importance-sampling/judges.ts';
import { importanceEstimate } from './importance-sampling.ts';

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`importanceEstimate on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it('when the weights are known then estimate and ESS are the exact float64 values, even for log-weights of 1000', async () => {
      await expectNoLeak(() => {
        const cases = [
          { lp: [1000, 999, 998, 990], lq: [0, 0, 0, 0], f: [1, 2, 3, 4] },
          { lp: [0, 0, 0], lq: [-1, -1, -1], f: [3, 6, 9] }, // equal weights: ess = n = 3, estimate = 6
        ];
        for (const c of cases) {
          const n = c.f.length;
          const xs = tf.zeros([n, 1]) as tf.Tensor2D;
          const got = importanceEstimate(() => tf.tensor1d(c.f), () => tf.tensor1d(c.lp), { sample: () => xs.clone(), logProb: () => tf.tensor1d(c.lq) }, n, 1);
          const want = exactFromWeights(c.lp, c.lq, c.f);
          expect(Math.abs(got.estimate - want.estimate)).toBeLessThan(1e-5 * Math.abs(want.estimate));
          expect(Math.abs(got.ess - want.ess)).toBeLessThan(1e-5 * want.ess);
          xs.dispose();
        }
        // Textbook: equal weights give ess = n.
        expect(exactFromWeights([0, 0, 0], [-1, -1, -1], [3, 6, 9])).toEqual({ estimate: 6, ess: 3 });
      });
    });

    it('when q = p (up to the constant) then every weight is equal: ess = n and the estimate is the plain mean', () => {
      const g = { mean: 1, std: 0.8 };
      const r = importanceEstimate(integrandOf({ kind: 'x' }), targetOf({ ...g, logZ: 5 }), samplerOf(g), 1000, 3);
      expect(Math.abs(r.ess - 1000)).toBeLessThan(0.5);
      expect(Math.abs(r.estimate - 1)).toBeLessThan(5 * 0.8 / Math.sqrt(1000)); // 5 sd
    });

    it('when q = p then the quadrature gives the textbook plain Monte Carlo moments: no bias, sd = σ/√n', () => {
      const g = { mean: 1, std: 0.8 };
      const m = exactMoments({ ...g, logZ: 0 }, g, { kind: 'x' }, 100);
      expect(m.mean).toBe(1);
      expect(Math.abs(m.bias)).toBeLessThan(1e-9);
      expect(Math.abs(m.sd - 0.08)).toBeLessThan(1e-6);
    });
  });
}
