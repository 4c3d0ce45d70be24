import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff, maxRelDiff, onlyOutputs } from '../testing/oracle.ts';
import { quadratic, refTrajectory, tfTrajectory, trajectoryDiff } from '../testing/quadratic.ts';
import { adamStep, type AdamState } from './adam.ts';
import { variants } from './adam.variants.ts';

type Hp = { lr: number; beta1: number; beta2: number; eps: number };
const HP: Hp = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

beforeAll(async () => {
  await useBackend('wasm');
});

/** Adam in plain-JS float64, straight from the paper: the oracle for single steps. */
function adamJs(theta: number[], g: number[], m: number[], v: number[], t: number, { lr, beta1, beta2, eps }: Hp) {
  const m1 = m.map((x, i) => beta1 * x + (1 - beta1) * g[i]!);
  const v1 = v.map((x, i) => beta2 * x + (1 - beta2) * g[i]! ** 2);
  const c1 = 1 - beta1 ** (t + 1);
  const c2 = 1 - beta2 ** (t + 1);
  return { theta: theta.map((x, i) => x - (lr * m1[i]! / c1) / (Math.sqrt(v1[i]! / c2) + eps)), m: m1, v: v1 };
}

function adamStepper(hp: Hp) {
  let state: AdamState | null = null;
  const stepper = (params: tf.Tensor[], grads: tf.Tensor[]) => {
    state ??= { m: params.map((p) => tf.zerosLike(p)), v: params.map((p) => tf.zerosLike(p)), t: 0 };
    const r = adamStep(params, grads, state, hp);
    tf.dispose([...state.m, ...state.v]);
    state = r.state;
    return r.params;
  };
  return { stepper, state: () => state!, dispose: () => state && tf.dispose([...state.m, ...state.v]) };
}

describe('adamStep', () => {
  it('takes a first step of −η·sign(∇) from m = v = 0 (bias correction at t = 0)', async () => {
    const p = [tf.tensor([1, 2, 3])];
    const g = [tf.tensor([0.5, -3, 1e-3])];
    const z = [tf.zeros([3])];
    const out = await expectNoLeak(() => {
      const r = adamStep(p, g, { m: z, v: z, t: 0 }, HP);
      const vals = { theta: Array.from(r.params[0]!.dataSync()), t: r.state.t };
      tf.dispose([...r.params, ...r.state.m, ...r.state.v]);
      return vals;
    });
    expect(out.t).toBe(1);
    // m̂ = ∇, v̂ = ∇², so the step is η·∇/(|∇| + ε) = η·sign(∇) up to ε/|∇| ≤ 1e-5.
    expect(maxAbsDiff(out.theta, [0.99, 2.01, 2.99])).toBeLessThan(1e-6);
    tf.dispose([...p, ...g, ...z]);
  });

  for (const t of [0, 1, 1000]) {
    it(`matches float64 Adam for one step from state.t = ${t}`, () => {
      const rng = new Rng(`adam/${t}`);
      const n = 20;
      const theta = Array.from(rng.normals(n));
      const g = Array.from(rng.normals(n));
      const m = t === 0 ? new Array(n).fill(0) : Array.from(rng.normals(n, 0, 0.5));
      const v = t === 0 ? new Array(n).fill(0) : Array.from(rng.uniforms(n, 0.01, 2));
      const want = adamJs(theta, g, m, v, t, HP);
      const args = [theta, g, m, v].map((x) => tf.tensor(x));
      const r = onlyOutputs('adamStep', () => adamStep([args[0]!], [args[1]!], { m: [args[2]!], v: [args[3]!], t }, HP));
      // θ is O(1) and the step O(η): float32 rounds θ to ~1e-7; the moments are relative.
      expect(maxAbsDiff(r.params[0]!, want.theta)).toBeLessThan(1e-6);
      expect(maxAbsDiff(r.state.m[0]!, want.m)).toBeLessThan(1e-6); // |m| ≲ 3
      expect(maxRelDiff(r.state.v[0]!, want.v, 1e-3)).toBeLessThan(1e-5); // v > 0: relative
      expect(r.state.t).toBe(t + 1);
      tf.dispose([...args, ...r.params, ...r.state.m, ...r.state.v]);
    });
  }

  it('says who complained about bad state or hyperparameters', () => {
    const p = [tf.zeros([2])];
    expect(() => adamStep(p, p, { m: p, v: p, t: -1 }, HP)).toThrow(/^adamStep: state.t must be an integer ≥ 0, but got -1/);
    expect(() => adamStep(p, p, { m: p, v: [], t: 0 }, HP)).toThrow(/^adamStep: state.v must have one tensor per params \(1\), but got 0/);
    expect(() => adamStep(p, p, { m: p, v: p, t: 0 }, { ...HP, beta2: 1 })).toThrow(/^adamStep: hp.beta2 must be a number in \[0, 1\), but got 1/);
    tf.dispose(p);
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    describe(`on ${backend}`, () => {
      beforeAll(async () => {
        await useBackend(backend);
      });

      it('follows tf.train.adam for 50 steps on a random quadratic', () => {
        const q = quadratic(13);
        const hp = HP; // η = 0.01
        const before = tf.memory().numTensors;
        const opt = tf.train.adam(hp.lr, hp.beta1, hp.beta2, hp.eps);
        const want = tfTrajectory(opt, q, 50);
        opt.dispose();
        const ref = adamStepper(hp);
        const got = refTrajectory(q, 50, ref.stepper);
        expect(ref.state().t).toBe(50);
        // tf.train.adam keeps β₂^t as a float32 running product, so its 1 − β₂^t is off by
        // up to ~6e-8/1e-3 = 6e-5 relatively (ours is float64): ≲ 3e-7 per step of size η,
        // accumulating; observed 3.6e-6 after 50 steps on wasm and cpu.
        expect(trajectoryDiff(got, want)).toBeLessThan(1e-5);
        ref.dispose();
        expect(tf.memory().numTensors).toBe(before);
        q.dispose();
      });
    });
  }
});

describe('adam variants', () => {
  it('each differs from the reference on a step from t = 0 with ε large enough to matter', () => {
    const hp = { ...HP, eps: 1e-2 };
    const p = [tf.tensor([1, -2, 3])];
    const g = [tf.tensor([0.05, 1, -1.5])];
    const z = [tf.zeros([3])];
    const ref = adamStep(p, g, { m: z, v: z, t: 0 }, hp);
    for (const v of variants) {
      const got = onlyOutputs(v.id, () => v.exports.adamStep!(p, g, { m: z, v: z, t: 0 }, hp) as ReturnType<typeof adamStep>);
      const diffs = [
        maxAbsDiff(got.params[0]!, ref.params[0]!),
        maxAbsDiff(got.state.m[0]!, ref.state.m[0]!),
        maxAbsDiff(got.state.v[0]!, ref.state.v[0]!),
      ];
      const differs = diffs.some((d) => !(d < 1e-4)); // NaN (1 − β^0 = 0) counts as different
      expect(differs, `${v.id}: ${diffs}`).toBe(true);
      expect(got.state.t, v.id).toBe(1);
      expect(v.hint, v.id).toMatch(/^Your output matches .+: ./);
      tf.dispose([...got.params, ...got.state.m, ...got.state.v]);
    }
    tf.dispose([...p, ...g, ...z, ...ref.params, ...ref.state.m, ...ref.state.v]);
  });
});
