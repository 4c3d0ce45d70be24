import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { proposalOf, targetLogP } from '../../grader/course/metropolis-hastings/models.ts';
import { evolve, mhKernel, mixtureCdf, tableProbs } from '../../grader/course/metropolis-hastings/exact.ts';
import { chiSquareTest, ksTest } from '../../grader/course/shared/samplers/exact-stats.ts';
import { metropolisHastings } from './metropolis-hastings.ts';

const TABLE = { kind: 'table' as const, logits: [0.05, 0.1, 0.2, 0.3, 0.35].map(Math.log) };

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`metropolisHastings on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it('when 10000 chains run an asymmetric independence sampler on 5 states then the last step fits δ₀·K²⁰ exactly (chi-square p > 1e-6), and nothing leaks', async () => {
      await expectNoLeak(() => {
        const proposal = { kind: 'independent' as const, probs: [0.4, 0.3, 0.15, 0.1, 0.05] };
        const x0 = tf.zeros([10000, 1]) as tf.Tensor2D;
        const { samples, acceptRate } = metropolisHastings(targetLogP(TABLE), proposalOf(proposal), x0, 20, 11);
        expect(samples.shape).toEqual([20, 10000, 1]);
        const last = samples.slice([19, 0, 0], [1, -1, -1]);
        const counts = [0, 0, 0, 0, 0];
        for (const v of last.dataSync()) counts[v]++;
        const exact = evolve([1, 0, 0, 0, 0], mhKernel(tableProbs(TABLE.logits), proposal), 20);
        expect(chiSquareTest(counts, exact, String).p).toBeGreaterThan(1e-6);
        // The exact chain's stationary distribution is the target (detailed balance).
        const pi = tableProbs(TABLE.logits);
        evolve(pi, mhKernel(pi, proposal), 1).forEach((p, i) => expect(p).toBeCloseTo(pi[i]!, 12));
        expect(acceptRate).toBeGreaterThan(0);
        expect(acceptRate).toBeLessThan(1);
        tf.dispose([x0, samples, last]);
      });
    });

    it('when chains start in a mixture of Gaussians then after 50 random-walk steps they still follow its exact CDF (KS p > 1e-6)', () => {
      const mixture = { kind: 'mixture' as const, weights: [0.3, 0.7], means: [-2, 1.5], stds: [0.5, 1] };
      // Exact draws by inverse transform on a grid of the exact CDF.
      const cdf = mixtureCdf(mixture);
      const draws = Array.from({ length: 3000 }, (_, i) => {
        const u = (i + 0.5) / 3000;
        let lo = -10, hi = 10;
        for (let k = 0; k < 60; k++) { const m = (lo + hi) / 2; if (cdf(m) < u) lo = m; else hi = m; }
        return lo;
      });
      const x0 = tf.tensor2d(draws, [3000, 1]);
      const { samples } = metropolisHastings(targetLogP(mixture), proposalOf({ kind: 'gaussian', std: 1.2, drift: [0.6] }), x0, 50, 5);
      const last = samples.slice([49, 0, 0], [1, -1, -1]);
      expect(ksTest(last.dataSync(), cdf).p).toBeGreaterThan(1e-6);
      tf.dispose([x0, samples, last]);
    });

    it('when every proposal is better (A = 1) then every chain moves and acceptRate is 1; the same seed gives the same samples', () => {
      const target = { kind: 'mixture' as const, weights: [1], means: [0], stds: [1] };
      const toZero = { sample: (x: tf.Tensor2D) => tf.zerosLike(x), logProb: (to: tf.Tensor2D) => tf.zeros([to.shape[0]]) as tf.Tensor1D };
      const x0 = tf.fill([50, 1], 3) as tf.Tensor2D;
      const a = metropolisHastings(targetLogP(target), toZero, x0, 2, 3);
      expect(a.acceptRate).toBe(1);
      expect(Array.from(a.samples.dataSync()).every((v) => v === 0)).toBe(true);
      const p = proposalOf({ kind: 'gaussian', std: 1, drift: [0] });
      const b = metropolisHastings(targetLogP(target), p, x0, 3, 8), c = metropolisHastings(targetLogP(target), p, x0, 3, 8);
      expect(Array.from(b.samples.dataSync())).toEqual(Array.from(c.samples.dataSync()));
      tf.dispose([x0, a.samples, b.samples, c.samples]);
    });

    it('when steps is not a positive integer then it says who complained', () => {
      const x0 = tf.zeros([2, 1]) as tf.Tensor2D;
      expect(() => metropolisHastings(targetLogP(TABLE), proposalOf({ kind: 'cycle', states: 5, up: 0.5 }), x0, 0, 1)).toThrow(/^metropolisHastings: steps must be an integer ≥ 1/);
      x0.dispose();
    });
  });
}
