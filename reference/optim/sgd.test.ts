import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff, onlyOutputs } from '../testing/oracle.ts';
import { quadratic, refTrajectory, tfTrajectory, trajectoryDiff } from '../testing/quadratic.ts';
import { sgdStep } from './sgd.ts';
import { variants } from './sgd.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('sgdStep', () => {
  it('computes θ − η∇ for every tensor (hand-worked values)', async () => {
    const p = [tf.tensor([1, -2, 3]), tf.tensor([[0.5]])];
    const g = [tf.tensor([10, 0, -4]), tf.tensor([[-1]])];
    const out = await expectNoLeak(() => {
      const r = sgdStep(p, g, 0.1);
      const v = r.map((t) => Array.from(t.dataSync()));
      tf.dispose(r);
      return v;
    });
    expect(maxAbsDiff(out[0]!, [0, -2, 3.4])).toBeLessThan(1e-6); // float32 rounding of 0.1·g
    expect(maxAbsDiff(out[1]!, [0.6])).toBeLessThan(1e-6);
    expect(p.every((t) => !t.isDisposed)).toBe(true); // inputs untouched
    expect(maxAbsDiff(p[0]!, [1, -2, 3])).toBe(0);
    tf.dispose([...p, ...g]);
  });

  it('returns new tensors of the params\' shapes, also for an empty list', () => {
    const p = [tf.zeros([2, 3])];
    const g = [tf.ones([2, 3])];
    const r = sgdStep(p, g, 1);
    expect(r[0]).not.toBe(p[0]);
    expect(r[0]!.shape).toEqual([2, 3]);
    expect(sgdStep([], [], 1)).toEqual([]);
    tf.dispose([...p, ...g, ...r]);
  });

  it('says who complained about mismatched arguments', () => {
    const p = [tf.zeros([2, 3])];
    expect(() => sgdStep(p, [], 0.1)).toThrow(/^sgdStep: grads must have one tensor per params \(1\), but got 0/);
    const g = [tf.zeros([3, 2])];
    expect(() => sgdStep(p, g, 0.1)).toThrow(/^sgdStep: grads\[0\] must have the shape of params\[0\] \[2,3\], but got \[3,2\]/);
    expect(() => sgdStep(p, p, NaN)).toThrow(/^sgdStep: lr must be a finite number, but got NaN/);
    tf.dispose([...p, ...g]);
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    describe(`on ${backend}`, () => {
      beforeAll(async () => {
        await useBackend(backend);
      });

      it('follows tf.train.sgd for 50 steps on a random quadratic', async () => {
        const q = quadratic(7);
        const lr = 0.3;
        const before = tf.memory().numTensors;
        const opt = tf.train.sgd(lr);
        const want = tfTrajectory(opt, q, 50);
        opt.dispose();
        const got = refTrajectory(q, 50, (p, g) => sgdStep(p, g, lr));
        // Both compute θ + (−η)·∇ in float32 from the same gradients: observed 0 on wasm and cpu.
        expect(trajectoryDiff(got, want)).toBeLessThan(1e-6);
        expect(tf.memory().numTensors).toBe(before);
        q.dispose();
      });
    });
  }
});

describe('sgd variants', () => {
  it('each differs from the reference on a generic step', () => {
    const p = [tf.tensor([1, -2, 3])];
    const g = [tf.tensor([0.5, 1, -1.5])];
    const ref = sgdStep(p, g, 0.1);
    for (const v of variants) {
      const got = onlyOutputs(v.id, () => v.exports.sgdStep!(p, g, 0.1) as tf.Tensor[]);
      expect(maxAbsDiff(got[0]!, ref[0]!), v.id).toBeGreaterThan(1e-2);
      expect(v.hint, v.id).toMatch(/^Your output matches .+: ./);
      tf.dispose(got);
    }
    tf.dispose([...p, ...g, ...ref]);
  });
});
