import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff, onlyOutputs } from '../testing/oracle.ts';
import { quadratic, refTrajectory, tfTrajectory, trajectoryDiff } from '../testing/quadratic.ts';
import { momentumStep } from './momentum.ts';
import { variants } from './momentum.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

/** The reference as a trajectory stepper that keeps its own velocity (starting at 0). */
function momentumStepper(hp: { lr: number; gamma: number }) {
  let velocity: tf.Tensor[] | null = null;
  const stepper = (params: tf.Tensor[], grads: tf.Tensor[]) => {
    velocity ??= params.map((p) => tf.zerosLike(p));
    const r = momentumStep(params, grads, velocity, hp);
    tf.dispose(velocity);
    velocity = r.velocity;
    return r.params;
  };
  return { stepper, velocity: () => velocity!, dispose: () => velocity && tf.dispose(velocity) };
}

describe('momentumStep', () => {
  it('computes v = γv + η∇, θ = θ − v (hand-worked values)', async () => {
    const p = [tf.tensor([1, 2])];
    const g = [tf.tensor([4, -2])];
    const v0 = [tf.tensor([1, 1])];
    const [theta, v] = await expectNoLeak(() => {
      const r = momentumStep(p, g, v0, { lr: 0.5, gamma: 0.9 });
      const out = [Array.from(r.params[0]!.dataSync()), Array.from(r.velocity[0]!.dataSync())];
      tf.dispose([...r.params, ...r.velocity]);
      return out;
    });
    expect(maxAbsDiff(v!, [2.9, -0.1])).toBeLessThan(1e-6); // 0.9·1 + 0.5·4, 0.9·1 + 0.5·(−2)
    expect(maxAbsDiff(theta!, [-1.9, 2.1])).toBeLessThan(1e-6);
    expect([...p, ...g, ...v0].every((t) => !t.isDisposed)).toBe(true);
    tf.dispose([...p, ...g, ...v0]);
  });

  it('says who complained about mismatched arguments', () => {
    const p = [tf.zeros([2])];
    expect(() => momentumStep(p, p, [], { lr: 0.1, gamma: 0.9 })).toThrow(/^momentumStep: velocity must have one tensor per params \(1\), but got 0/);
    expect(() => momentumStep(p, p, p, { lr: 0.1, gamma: 1.5 })).toThrow(/^momentumStep: hp.gamma must be a number in \[0, 1\], but got 1.5/);
    tf.dispose(p);
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    describe(`on ${backend}`, () => {
      beforeAll(async () => {
        await useBackend(backend);
      });

      it('follows tf.train.momentum for 50 steps (v_notes = η·v_tf) on a random quadratic', async () => {
        const q = quadratic(11);
        const hp = { lr: 0.1, gamma: 0.9 };
        const before = tf.memory().numTensors;
        const opt = tf.train.momentum(hp.lr, hp.gamma); // v' = γv' + ∇, θ = θ − ηv'
        const want = tfTrajectory(opt, q, 50);
        const [iterations, ...accumulators] = await opt.getWeights(); // [iterations, v'…]
        iterations!.tensor.dispose(); // a fresh scalar; the accumulators are the optimizer's own
        const ref = momentumStepper(hp);
        const got = refTrajectory(q, 50, ref.stepper);
        // Same maths, rounded in a different order (θ − (γv + η∇) vs θ − η(γv' + ∇)):
        // float32 rounding only, ~1e-7 per step on |θ| ≲ 3; observed < 1e-6.
        expect(trajectoryDiff(got, want)).toBeLessThan(1e-5);
        ref.velocity().forEach((v, i) => {
          const scaled = tf.tidy(() => accumulators[i]!.tensor.mul(hp.lr));
          expect(maxAbsDiff(v, scaled)).toBeLessThan(1e-5);
          scaled.dispose();
        });
        ref.dispose();
        opt.dispose();
        // tfjs 4.22: MomentumOptimizer.dispose() does not call super.dispose(), so the −η
        // scalar of its SGDOptimizer base (`c`) stays alive. Not ours: dispose it here.
        (opt as unknown as { c: tf.Scalar }).c.dispose();
        expect(tf.memory().numTensors).toBe(before);
        q.dispose();
      });
    });
  }
});

describe('momentum variants', () => {
  it('each differs from the reference on a step with a nonzero velocity', () => {
    const p = [tf.tensor([1, -2, 3])];
    const g = [tf.tensor([0.5, 1, -1.5])];
    const v0 = [tf.tensor([0.2, -0.3, 0.1])];
    const hp = { lr: 0.1, gamma: 0.9 };
    const ref = momentumStep(p, g, v0, hp);
    for (const v of variants) {
      const got = onlyOutputs(v.id, () => v.exports.momentumStep!(p, g, v0, hp) as { params: tf.Tensor[]; velocity: tf.Tensor[] });
      const diff = Math.max(maxAbsDiff(got.params[0]!, ref.params[0]!), maxAbsDiff(got.velocity[0]!, ref.velocity[0]!));
      expect(diff, v.id).toBeGreaterThan(1e-2);
      expect(v.hint, v.id).toMatch(/^Your output matches .+: ./);
      tf.dispose([...got.params, ...got.velocity]);
    }
    tf.dispose([...p, ...g, ...v0, ...ref.params, ...ref.velocity]);
  });
});
