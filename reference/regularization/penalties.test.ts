import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff, onlyOutputs } from '../testing/oracle.ts';
import { l1Penalty, l2Penalty } from './penalties.ts';
import { variants } from './penalties.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

/** Hand-worked: θ = {[1, −2], [[3], [−0.5]]}: Σ|θ| = 6.5, Σθ² = 1 + 4 + 9 + 0.25 = 14.25. */
function handParams(): tf.Tensor[] {
  return [tf.tensor1d([1, -2]), tf.tensor2d([[3], [-0.5]])];
}

function value(s: tf.Scalar): number {
  const v = s.dataSync()[0]!;
  s.dispose();
  return v;
}

describe('l1Penalty and l2Penalty', () => {
  it('give the textbook values λ·Σ|θ| and λ·Σθ² (no ½)', async () => {
    const p = handParams();
    await expectNoLeak(() => {
      expect(Math.abs(value(l1Penalty(p, 0.1)) - 0.65)).toBeLessThan(1e-6);
      expect(Math.abs(value(l2Penalty(p, 0.1)) - 1.425)).toBeLessThan(1e-6);
      expect(value(l2Penalty(p, 0))).toBe(0);
      expect(value(l1Penalty([], 0.3))).toBe(0); // no parameters, no penalty
    });
    expect(p.every((t) => !t.isDisposed)).toBe(true);
    tf.dispose(p);
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    describe(`on ${backend}`, () => {
      beforeAll(async () => {
        await useBackend(backend);
      });

      it('match plain-JS float64 sums, and their gradients are λ·sign(θ) and 2λθ', () => {
        const rng = new Rng('penalties');
        const shapes = [[4, 5], [5], [2, 3, 3]];
        const raw = shapes.map((s) => rng.normals(s.reduce((a, b) => a * b, 1), 0, 2)); // no exact zeros
        const p = raw.map((v, i) => tf.tensor(v, shapes[i]));
        const lambda = 0.03;
        const all = raw.flatMap((v) => Array.from(v));
        const l1 = lambda * all.reduce((s, x) => s + Math.abs(x), 0);
        const l2 = lambda * all.reduce((s, x) => s + x * x, 0);
        // Σ of 47 float32 terms ~1 (l1 ≈ 2.3) and ~4 (l2 ≈ 5.6): relative rounding ≲ 1e-6.
        expect(Math.abs(value(onlyOutputs('l1', () => l1Penalty(p, lambda))) - l1) / l1).toBeLessThan(1e-6);
        expect(Math.abs(value(onlyOutputs('l2', () => l2Penalty(p, lambda))) - l2) / l2).toBeLessThan(1e-6);
        const before = tf.memory().numTensors;
        const g1 = tf.grads((...ps: tf.Tensor[]) => l1Penalty(ps, lambda))(p);
        const g2 = tf.grads((...ps: tf.Tensor[]) => l2Penalty(ps, lambda))(p);
        g1.forEach((g, i) => expect(maxAbsDiff(g, Array.from(raw[i]!, (x) => lambda * Math.sign(x)))).toBeLessThan(1e-8));
        g2.forEach((g, i) => expect(maxAbsDiff(g, Array.from(raw[i]!, (x) => 2 * lambda * x))).toBeLessThan(1e-6));
        tf.dispose([...g1, ...g2]);
        expect(tf.memory().numTensors).toBe(before);
        tf.dispose(p);
      });
    });
  }

  it('says who complained about bad arguments', () => {
    const p = handParams();
    expect(() => l1Penalty(p, -1)).toThrow(/^l1Penalty: lambda must be a finite number ≥ 0, but got -1/);
    expect(() => l2Penalty(p, NaN)).toThrow(/^l2Penalty: lambda must be a finite number ≥ 0, but got NaN/);
    expect(() => l2Penalty([p[0]!, 3 as unknown as tf.Tensor], 1)).toThrow(/^l2Penalty: params\[1\] must be a tf.Tensor, but got number/);
    tf.dispose(p);
  });
});

describe('regularization variants', () => {
  it('each differs from the reference on generic parameters', () => {
    const p = handParams();
    const ref = { l1Penalty: value(l1Penalty(p, 0.1)), l2Penalty: value(l2Penalty(p, 0.1)) };
    for (const v of variants) {
      expect(v.hint, v.id).toMatch(/^Your output matches .+: ./);
      for (const [name, f] of Object.entries(v.exports)) {
        const got = value(onlyOutputs(v.id, () => f(p, 0.1) as tf.Scalar));
        expect(Math.abs(got - ref[name as keyof typeof ref]), `${v.id}.${name}`).toBeGreaterThan(1e-2);
      }
    }
    tf.dispose(p);
  });
});
