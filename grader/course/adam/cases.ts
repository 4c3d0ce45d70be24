import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { mnistCase } from '../../inputs/shared.ts';
import { paramList, trajectoryCases } from '../shared/optimizers/cases.ts';
import { tensor, type Case, type Wire } from '../../basics/wire.ts';

const DEFAULTS = { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
const size = (s: number[]): number => s.reduce((a, b) => a * b, 1);
const zeros = (shapes: number[][]): Wire[] => shapes.map((s) => tensor(s, new Float32Array(size(s))));

/** A state after `t` steps: m of either sign, v ≥ 0 (a running mean of squares). */
function state(rng: Rng, shapes: number[][], t: number): Wire {
  if (t === 0) return { m: zeros(shapes), v: zeros(shapes), t };
  const m = paramList(rng, shapes, 0.3);
  const v = shapes.map((s) => tensor(s, Array.from(rng.normals(size(s)), (x) => 0.05 + 0.5 * x * x)));
  return { m, v, t };
}

function stepCase(rng: Rng, label: string, shapes: number[][], t: number, hp: typeof DEFAULTS): Case {
  return { label: `${label}: shapes ${JSON.stringify(shapes)}, t=${t}, ${Object.entries(hp).map(([k, x]) => `${k}=${x}`).join(' ')}`, args: [paramList(rng, shapes), paramList(rng, shapes), state(rng, shapes, t), hp] };
}

/** Gradients of magnitude 1e-6..1e-4, either sign: there √v̂ is comparable to √ε or ε, so where ε goes matters. */
function tinyGrads(rng: Rng, shape: number[]): Wire {
  return tensor(shape, Array.from({ length: size(shape) }, () => (rng.uniform() < 0.5 ? -1 : 1) * 10 ** rng.uniform(-6, -4)));
}

export const cases: Record<string, CaseRecipe> = {
  /**
   * adamStep(params, grads, state, hp): the first step (t = 0, m = v = 0), the second
   * (t = 1) and a late one (t = 1000, bias correction almost gone), varied shapes and
   * hyper-parameters, and tiny gradients where the placement of ε shows.
   */
  oneStep: (rng) => [
    stepCase(rng, 'first step', [[5]], 0, { ...DEFAULTS, lr: 0.01 }),
    stepCase(rng, 'second step', [[3, 4], [4]], 1, { ...DEFAULTS, lr: 0.01 }),
    stepCase(rng, 'step 1001', [[], [2, 3, 2]], 1000, { ...DEFAULTS, lr: 0.01 }),
    stepCase(rng, 'first step, other hyper-parameters', [[1, 1]], 0, { lr: 0.1, beta1: 0.5, beta2: 0.9, eps: 1e-3 }),
    stepCase(rng, 'step 8, other hyper-parameters', [[2, 2]], 7, { lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-6 }),
    { label: 'tiny gradients (1e-6..1e-4), t=0', args: [paramList(rng, [[8]]), [tinyGrads(rng, [8])], state(rng, [[8]], 0), { ...DEFAULTS, lr: 0.01 }] },
    {
      label: 'tiny gradients (1e-6..1e-4), t=1000, small v',
      args: [paramList(rng, [[8]]), [tinyGrads(rng, [8])], { m: [tinyGrads(rng, [8])], v: [tensor([8], Array.from({ length: 8 }, () => 10 ** rng.uniform(-12, -8)))], t: 1000 }, { ...DEFAULTS, lr: 0.01 }] as Wire[],
    },
    { label: 'lr=0 leaves params unchanged but updates the state', args: [paramList(rng, [[3]]), paramList(rng, [[3]]), state(rng, [[3]], 2), { ...DEFAULTS, lr: 0 }] },
    { label: 'empty parameter list', args: [[], [], { m: [], v: [], t: 3 }, DEFAULTS] as Wire[] },
  ],
  trajectory: (rng) => trajectoryCases(rng, [{ lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, { lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-6 }]),
  trainMlp: () => [mnistCase()],
};
