import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { allFinite, compareOp, maxAbsDiff, onlyOutputs, seededTensor } from '../testing/oracle.ts';
import { crossEntropy, softmax } from './softmax-cross-entropy.ts';
import { variants } from './softmax-cross-entropy.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

const K = 7;
const ce = (x: tf.Tensor, y: tf.Tensor) => crossEntropy(x as tf.Tensor2D, y as tf.Tensor1D);
const ceOracle = (x: tf.Tensor, y: tf.Tensor) => tf.losses.softmaxCrossEntropy(tf.oneHot(y as tf.Tensor1D, K), x) as tf.Scalar;

/** Seeded logits [N, K] at `scale`, and int32 labels [N]. */
function batch(seed: string, n: number, scale: number): () => tf.Tensor[] {
  return () => {
    const rng = new Rng(seed);
    const labels = Array.from({ length: n }, () => rng.int(0, K));
    return [seededTensor(rng, [n, K], scale), tf.tensor1d(labels, 'int32')];
  };
}

describe('softmax and crossEntropy', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    describe(`on ${backend}`, () => {
      beforeAll(async () => {
        await useBackend(backend);
      });

      for (const scale of [1, 10, 100]) {
        it(`softmax matches tf.softmax in value and gradient (logits ~ N(0, ${scale}²))`, () => {
          const r = compareOp({
            name: 'softmax', f: (x) => softmax(x as tf.Tensor2D), oracle: (x) => tf.softmax(x),
            inputs: () => [seededTensor(new Rng(`sm/${scale}`), [16, K], scale)], wrt: [0],
          });
          // Probabilities in [0, 1]: float32 rounding of exp and the division, a few ulps
          // (observed ≤ 1.2e-7).
          expect(r.value).toBeLessThan(1e-6);
          // Gradient p⊙(c − Σpc), |c| ≲ 3: observed ≤ 1.9e-7.
          expect(r.grads[0]).toBeLessThan(1e-5);
        });

        it(`crossEntropy matches tf.losses.softmaxCrossEntropy in value and gradient (logits ~ N(0, ${scale}²))`, () => {
          const r = compareOp({ name: 'crossEntropy', f: ce, oracle: ceOracle, inputs: batch(`ce/${scale}`, 16, scale), wrt: [0] });
          // The loss grows with the scale (~scale): relative float32 rounding, a few 1e-7·loss
          // (observed ≤ 1.9e-6 at scale 10, where the loss is ~20).
          expect(r.value).toBeLessThan(4e-6 * (1 + scale));
          // ∂/∂x = (softmax − onehot)/N ⊙ c, entries ≲ 3/16: observed ≤ 1.6e-8.
          expect(r.grads[0]).toBeLessThan(1e-6);
        });
      }

      it('is exact and finite at logits of ±1000, with finite gradients', () => {
        const x = tf.tensor2d([[1000, 0], [-1000, 1000], [1000, 1000], [-1000, -1000]]);
        const y = tf.tensor1d([1, 0, 0, 1], 'int32');
        const p = onlyOutputs('softmax', () => softmax(x));
        expect(maxAbsDiff(p, [1, 0, 0, 1, 0.5, 0.5, 0.5, 0.5])).toBe(0); // exact in float32
        const perRow = [0, 1, 2, 3].map((i) => tf.tidy(() => crossEntropy(x.slice(i, 1), y.slice(i, 1)).dataSync()[0]!));
        expect(maxAbsDiff(perRow, [1000, 2000, Math.LN2, Math.LN2])).toBeLessThan(1e-4); // ln 2 to float32
        const g = tf.grad((z: tf.Tensor) => ce(z, y))(x);
        expect(allFinite(g)).toBe(true);
        // (softmax − onehot)/4 row by row.
        expect(maxAbsDiff(g, [0.25, -0.25, -0.25, 0.25, -0.125, 0.125, 0.125, -0.125])).toBeLessThan(1e-7);
        const gs = tf.grad((z: tf.Tensor) => softmax(z as tf.Tensor2D).mul(tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]])).sum())(x);
        expect(allFinite(gs)).toBe(true);
        tf.dispose([x, y, p, g, gs]);
      });
    });
  }

  it('leaks nothing and leaves its inputs alive', async () => {
    const [x, y] = batch('leak', 4, 1)();
    await expectNoLeak(() => {
      tf.dispose([softmax(x as tf.Tensor2D), ce(x!, y!)]);
      tf.dispose(tf.grad((z: tf.Tensor) => ce(z, y!))(x!));
    });
    expect(x!.isDisposed || y!.isDisposed).toBe(false);
    tf.dispose([x!, y!]);
  });

  it('says who complained about bad arguments', () => {
    tf.tidy(() => {
      const x = tf.zeros([2, 3]) as tf.Tensor2D;
      expect(() => softmax(tf.zeros([3]) as unknown as tf.Tensor2D)).toThrow(/^softmax: logits must be rank 2, but got rank 1/);
      expect(() => crossEntropy(x, tf.tensor1d([0, 1]))).toThrow(/^crossEntropy: labels must have dtype int32, but got float32/);
      expect(() => crossEntropy(x, tf.tensor1d([0], 'int32'))).toThrow(/^crossEntropy: labels must have one entry per row of logits \(2\), but got 1/);
      expect(() => crossEntropy(x, tf.tensor1d([0, 3], 'int32'))).toThrow(/^crossEntropy: labels must be class indices in \[0, 3\), but labels\[1\] is 3/);
    });
  });
});

describe('softmax-cross-entropy variants', () => {
  // Where each variant parts from the reference: the stability ones only at extreme logits.
  const cases: Record<string, { logits: number[][]; labels: number[] }> = {
    'softmax-no-max-shift': { logits: [[1000, 0, -3], [1, 2, 3]], labels: [0, 2] },
    'softmax-wrong-axis': { logits: [[1, 2, 3], [0.5, -1, 2]], labels: [0, 2] },
    'ce-sum-over-batch': { logits: [[1, 2, 3], [0.5, -1, 2]], labels: [0, 2] },
    'ce-log-of-softmax': { logits: [[1000, 0, -3], [1, 2, 3]], labels: [1, 2] },
    // log(softmax + ε) is stuck at −log ε ≈ 16–18 where the reference's loss is 1000.
    'ce-log-of-softmax-plus-1e-7': { logits: [[1000, 0, -3], [1, 2, 3]], labels: [1, 2] },
    'ce-log-of-softmax-plus-1e-8': { logits: [[1000, 0, -3], [1, 2, 3]], labels: [1, 2] },
  };

  it('has one distinguishing case per variant, and hints a student can act on', () => {
    expect(variants.map((v) => v.id).sort()).toEqual(Object.keys(cases).sort());
    for (const v of variants) expect(v.hint, v.id).toMatch(/^Your output matches .+: ./);
  });

  for (const v of variants) {
    it(`${v.id} differs from the reference`, () => {
      const { logits, labels } = cases[v.id]!;
      const x = tf.tensor2d(logits);
      const y = tf.tensor1d(labels, 'int32');
      const [name] = Object.keys(v.exports) as ['softmax' | 'crossEntropy'];
      const ref = name === 'softmax' ? softmax(x) : crossEntropy(x, y);
      const got = onlyOutputs(v.id, () => v.exports[name]!(x, y) as tf.Tensor);
      const d = maxAbsDiff(got, ref);
      expect(Number.isNaN(d) || d > 1e-2, `${v.id}: ${d}`).toBe(true);
      tf.dispose([x, y, ref, got]);
    });
  }
});
