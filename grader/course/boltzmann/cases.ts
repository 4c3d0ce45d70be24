import type { CaseRecipe } from '../../inputs/types.ts';
import type { Rng } from '../../basics/rng.ts';
import { tensor } from '../../basics/wire.ts';

const pm = (rng: Rng, shape: number[]) => tensor(shape, Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (rng.uniform() < 0.5 ? -1 : 1)));

function machine(rng: Rng, n: number, scale: number) {
  const w = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) w[i * n + j] = w[j * n + i] = rng.normal(0, scale);
  return { w: tensor([n, n], w), bias: tensor([n], rng.normals(n, 0, scale)) };
}

export const cases: Record<string, CaseRecipe> = {
  /**
   * Many independent chains, one sample per chain (no autocorrelation): the final states after
   * `sweeps` sweeps, args [x0, w, bias, sweeps, seed]. The judge compares them with the exact
   * distribution after that many sweeps (enumerated over all 2ⁿ states).
   */
  chains: (rng) => {
    const a = machine(rng, 8, 0.4);
    const b = machine(rng, 8, 0.4);
    const c = machine(rng, 5, 0.8);
    const start = Float32Array.from({ length: 8 }, () => (rng.uniform() < 0.5 ? -1 : 1));
    const same = tensor([20000, 8], Array.from({ length: 20000 }, () => Array.from(start)).flat());
    return [
      { label: 'n = 8, 20000 chains from uniform random starts, 20 sweeps', args: [pm(rng, [20000, 8]), a.w, a.bias, 20, rng.seed32()] },
      { label: 'n = 8, 20000 chains all started in one state, 2 sweeps', args: [same, b.w, b.bias, 2, rng.seed32()] },
      { label: 'n = 5, strong couplings, 10000 chains from uniform random starts, 30 sweeps', args: [pm(rng, [10000, 5]), c.w, c.bias, 30, rng.seed32()] },
    ];
  },
  /** One sweep of 200 chains, run with the seed twice and with the next seed: args [x, w, bias, seed]. */
  seedProbe: (rng) => {
    const m = machine(rng, 8, 0.5);
    return [{ label: 'n = 8, 200 chains from random starts, one sweep', args: [pm(rng, [200, 8]), m.w, m.bias, rng.seed32()] }];
  },
  gradient: (rng) => [
    { label: 'data [12, 6], model samples [30, 6]', args: [pm(rng, [12, 6]), pm(rng, [30, 6])] },
    { label: 'data [1, 4], model samples [5, 4]', args: [pm(rng, [1, 4]), pm(rng, [5, 4])] },
    { label: 'data = model samples (gradient 0)', args: [tensor([2, 3], [1, -1, 1, -1, -1, 1]), tensor([2, 3], [1, -1, 1, -1, -1, 1])] },
  ],
};
