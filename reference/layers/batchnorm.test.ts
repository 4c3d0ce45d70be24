import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { cases as visibleCases } from '../../grader/course/batchnorm/cases.ts';
import { cases as hiddenCases } from '../../grader/course/batchnorm/hidden-cases.ts';

/** The public recipes and the hidden check's (grader/course/<id>/hidden-cases.ts: never in the student edition). */
const cases = { ...visibleCases, ...hiddenCases };
import { isWireTensor, type Wire } from '../../grader/basics/wire.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { compareOp, maxAbsDiff, maxRelDiff, onlyOutputs, seededTensor } from '../testing/oracle.ts';
import { batchNormEval, batchNormTrain, updateRunning } from './batchnorm.ts';
import { variants } from './batchnorm.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

const SHAPES = [[8, 5], [2, 3], [32, 6], [2, 4, 4, 3], [3, 5, 2, 4], [1, 3, 3, 2]];
const allButLast = (rank: number) => Array.from({ length: rank - 1 }, (_, i) => i);

/** x with per-channel means ~N(0, 3²) and spreads e^N(0,1), γ ~ N(1, 0.3²), β ~ N(0, 0.5²). */
function inputs(rng: Rng, shape: number[]): () => tf.Tensor[] {
  const c = shape[shape.length - 1]!;
  return () => tf.tidy(() => {
    const means = seededTensor(rng.fork('means'), [c], 3);
    const stds = seededTensor(rng.fork('stds'), [c]).exp();
    return [seededTensor(rng.fork('x'), shape).mul(stds).add(means), seededTensor(rng.fork('gamma'), [c], 0.3).add(1), seededTensor(rng.fork('beta'), [c], 0.5)];
  });
}

const live = (w: Wire): unknown => (isWireTensor(w) ? tf.tensor(w.$tensor.data, w.$tensor.shape, w.$tensor.dtype) : w);

describe('batchNormTrain', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    describe(`on ${backend}`, () => {
      beforeAll(async () => {
        await useBackend(backend);
      });

      for (const shape of SHAPES) {
        for (const eps of [1e-5, 1e-3]) {
          it(`matches tf.moments + tf.batchNorm in y, mean, variance and the gradients of y w.r.t. x, γ, β: x [${shape}], eps ${eps}`, () => {
            const make = inputs(new Rng(`batchnorm/${shape.join('/')}`), shape);
            const axes = allButLast(shape.length);
            const oracleStats = (x: tf.Tensor) => tf.moments(x, axes);
            const stats = compareOp({
              name: 'batchNormTrain stats',
              f: (x, g, b) => tf.tidy(() => {
                const r = batchNormTrain(x!, g as tf.Tensor1D, b as tf.Tensor1D, eps);
                return tf.stack([r.mean, r.variance]);
              }),
              oracle: (x) => {
                const m = oracleStats(x!);
                return tf.stack([m.mean, m.variance]);
              },
              inputs: make,
            });
            // tf.moments is the same two passes (mean, then mean of squared differences): observed ≤ 1e-6 (variances up to ~20).
            expect(stats.value).toBeLessThan(1e-5);
            const r = compareOp({
              name: 'batchNormTrain',
              f: (x, g, b) => tf.tidy(() => batchNormTrain(x!, g as tf.Tensor1D, b as tf.Tensor1D, eps).y),
              oracle: (x, g, b) => {
                const m = oracleStats(x!);
                return tf.batchNorm(x!, m.mean, m.variance, b as tf.Tensor1D, g as tf.Tensor1D, eps);
              },
              inputs: make,
              wrt: [0, 1, 2],
            });
            // y of order 1; tf.batchNorm multiplies by rsqrt(σ² + ε)·γ where we divide by √(σ² + ε): observed ≤ 1e-6.
            expect(r.value).toBeLessThan(1e-5);
            // dx = γ/σ·(dy − mean(dy) − x̂·mean(dy·x̂)) with σ down to e^−2: observed ≤ 2e-6.
            expect(Math.max(...r.grads)).toBeLessThan(5e-5);
          });
        }
      }

      it('is exact on a channel with mean 1e4 and std 1e-2 where E[x²] − E[x]² is garbage (the grader\'s large-mean cases)', () => {
        for (const c of cases.largeMean!(new Rng('1/largeMean'))) {
          const [x, gamma, beta, eps] = c.args.map(live) as [tf.Tensor, tf.Tensor1D, tf.Tensor1D, number];
          const axes = allButLast(x.rank);
          const ch = x.shape[x.rank - 1]!;
          // float64 truth, per channel.
          const data = Array.from(x.dataSync());
          const g = Array.from(gamma.dataSync());
          const b = Array.from(beta.dataSync());
          const mean = Array.from({ length: ch }, (_, k) => { const v = data.filter((_, i) => i % ch === k); return v.reduce((a, z) => a + z, 0) / v.length; });
          const variance = Array.from({ length: ch }, (_, k) => { const v = data.filter((_, i) => i % ch === k); return v.reduce((a, z) => a + (z - mean[k]!) ** 2, 0) / v.length; });
          const y = data.map((z, i) => (g[i % ch]! * (z - mean[i % ch]!)) / Math.sqrt(variance[i % ch]! + eps) + b[i % ch]!);
          const r = onlyOutputs('batchNormTrain', () => batchNormTrain(x, gamma, beta, eps));
          const big = c.label.match(/channel (\d)/)![1]!;
          // The large channel's statistics are exact by construction (see grader/course/batchnorm/hidden-cases.ts); the N(0, 1) channels' to float32.
          expect(r.mean.dataSync()[Number(big)]).toBe(mean[Number(big)]);
          expect(r.variance.dataSync()[Number(big)]).toBe(Math.fround(variance[Number(big)]!));
          expect(maxRelDiff(r.variance, variance, 1e-6)).toBeLessThan(1e-5);
          expect(maxAbsDiff(r.y, y)).toBeLessThan(2e-5); // observed ≤ 5e-7
          // The one-pass formula, for contrast: its variance of the large channel is off by 100% or more
          // (observed 0 on wasm: E[x²] and E[x]² round to the same float32 near 10⁸).
          const naive = tf.tidy(() => tf.sub(tf.mean(tf.square(x), axes), tf.square(tf.mean(x, axes))).dataSync()[Number(big)]!);
          expect(Math.abs(naive - variance[Number(big)]!)).toBeGreaterThanOrEqual(variance[Number(big)]!);
          tf.dispose([x, gamma, beta, r.y, r.mean, r.variance]);
        }
      });

      it('leaves no tensor behind', async () => {
        const [x, g, b] = inputs(new Rng('leak'), [4, 3])() as [tf.Tensor, tf.Tensor1D, tf.Tensor1D];
        await expectNoLeak(() => tf.dispose(Object.values(batchNormTrain(x, g, b, 1e-5))));
        tf.dispose([x, g, b]);
      });
    });
  }

  it('gives the textbook values on a batch of two (hand-computed)', () => {
    // Channel 0: 1, 3 → μ 2, σ² 1; channel 1: 10, 30 → μ 20, σ² 100. With ε = 0, x̂ = ∓1.
    const x = tf.tensor2d([[1, 10], [3, 30]]);
    const gamma = tf.tensor1d([2, 0.5]);
    const beta = tf.tensor1d([1, -1]);
    const r = onlyOutputs('batchNormTrain', () => batchNormTrain(x, gamma, beta, 0));
    expect(Array.from(r.mean.dataSync())).toEqual([2, 20]);
    expect(Array.from(r.variance.dataSync())).toEqual([1, 100]); // biased: the unbiased would be 2 and 200
    expect(Array.from(r.y.dataSync())).toEqual([-1, -1.5, 3, -0.5]);
    // ε inside the root: ε = 3 turns σ² = 1 into √4 = 2 (√1 + 3 would be 4).
    const r3 = onlyOutputs('batchNormTrain', () => batchNormTrain(x, gamma, beta, 3));
    expect(r3.y.dataSync()[0]).toBeCloseTo(2 * (-1 / 2) + 1, 6);
    tf.dispose([x, gamma, beta, ...Object.values(r), ...Object.values(r3)]);
  });

  it('says who complained about bad arguments', () => {
    const x = tf.zeros([4, 3]);
    const g = tf.ones([3]) as tf.Tensor1D;
    const g2 = tf.ones([2]) as tf.Tensor1D;
    const x1 = tf.zeros([3]);
    expect(() => batchNormTrain(x1, g, g, 1e-5)).toThrow(/^batchNormTrain: x must be rank 2 or more \(…, channels\), but got rank 1/);
    expect(() => batchNormTrain(x, g2, g, 1e-5)).toThrow(/^batchNormTrain: gamma must be \[3\], one entry per channel of x, but got \[2\]/);
    expect(() => batchNormTrain(x, g, g, -1)).toThrow(/^batchNormTrain: eps must be a finite number ≥ 0, but got -1/);
    expect(() => batchNormEval(x, g, g, g, g2, 1e-5)).toThrow(/^batchNormEval: runningVar must be \[3\]/);
    expect(() => updateRunning(g, g2, 0.9)).toThrow(/^updateRunning: batch must have the shape of running \[3\], but got \[2\]/);
    expect(() => updateRunning(g, g, 1.5)).toThrow(/^updateRunning: momentum must be a number in \[0, 1\], but got 1.5/);
    tf.dispose([x, g, g2, x1]);
  });
});

describe('batchNormEval and updateRunning', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    it(`batchNormEval matches tf.batchNorm with the running statistics in value and gradients on ${backend}`, async () => {
      await useBackend(backend);
      const rng = new Rng('eval');
      const r = compareOp({
        name: 'batchNormEval',
        f: (x, g, b, m, v) => batchNormEval(x!, g as tf.Tensor1D, b as tf.Tensor1D, m as tf.Tensor1D, v as tf.Tensor1D, 1e-3),
        oracle: (x, g, b, m, v) => tf.batchNorm(x!, m!, v!, b!, g!, 1e-3),
        inputs: () => [...inputs(rng, [2, 3, 3, 4])(), seededTensor(rng.fork('m'), [4]), tf.tidy(() => seededTensor(rng.fork('v'), [4]).exp())],
        wrt: [0, 1, 2],
      });
      expect(r.value).toBeLessThan(1e-5); // observed ≤ 1e-6
      expect(Math.max(...r.grads)).toBeLessThan(1e-5);
    });
  }

  it('updateRunning is momentum·running + (1 − momentum)·batch (hand-computed), and new', () => {
    const running = tf.tensor1d([1, 2, 4]);
    const batch = tf.tensor1d([3, 2, 0]);
    const r = onlyOutputs('updateRunning', () => updateRunning(running, batch, 0.75));
    expect(Array.from(r.dataSync())).toEqual([1.5, 2, 3]);
    const keep = onlyOutputs('updateRunning', () => updateRunning(running, batch, 1));
    expect(keep).not.toBe(running);
    expect(Array.from(keep.dataSync())).toEqual([1, 2, 4]);
    tf.dispose([running, batch, r, keep]);
  });
});

describe('batchnorm variants', () => {
  it('each differs from the reference on the cases it is meant to catch', () => {
    const grab = (id: string) => variants.find((v) => v.id === id)!;
    const differs = (a: Record<string, tf.Tensor>, b: Record<string, tf.Tensor>) =>
      Object.keys(b).some((k) => a[k]!.shape.join() !== b[k]!.shape.join() || !(maxAbsDiff(a[k]!, b[k]!) <= 1e-3));
    const train = [...cases.train4d!(new Rng('1/train4d')), ...cases.largeMean!(new Rng('1/largeMean'))];
    for (const id of ['unbiased-variance', 'eps-outside-sqrt', 'one-pass-variance', 'feature-axis', 'batch-axis-only', 'no-scale-shift']) {
      const caught = train.some((c) => {
        const [x, g, b, eps] = c.args.map(live) as [tf.Tensor, tf.Tensor1D, tf.Tensor1D, number];
        const ref = batchNormTrain(x, g, b, eps);
        const got = onlyOutputs(id, () => grab(id).exports.batchNormTrain!(x, g, b, eps) as Record<string, tf.Tensor>);
        const d = differs(got, ref);
        tf.dispose([x, g, b, ...Object.values(ref), ...Object.values(got)]);
        return d;
      });
      expect(caught, id).toBe(true);
    }
    // eps outside the root and the one-pass variance are caught by the large-mean channel and nowhere else in train4d.
    for (const id of ['eps-outside-sqrt', 'one-pass-variance']) {
      const [x, g, b, eps] = cases.largeMean!(new Rng('1/largeMean'))[0]!.args.map(live) as [tf.Tensor, tf.Tensor1D, tf.Tensor1D, number];
      const ref = batchNormTrain(x, g, b, eps);
      const got = grab(id).exports.batchNormTrain!(x, g, b, eps) as Record<string, tf.Tensor>;
      expect(maxAbsDiff(got.y!, ref.y) > 1e-2 || !(maxAbsDiff(got.variance!, ref.variance) < 1e-5), id).toBe(true);
      tf.dispose([x, g, b, ...Object.values(ref), ...Object.values(got)]);
    }
    // Every hint says which output (or, for a mistake only the gradient shows, the gradient) matches what.
    for (const v of variants) expect(v.hint, v.id).toMatch(/^Your (output|gradient|batchNormEval|updateRunning) matches .+: ./);
  });
});
