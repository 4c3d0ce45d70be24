import type { CaseRecipe } from '../../inputs/types.ts';
import { tensor, type Wire } from '../../basics/wire.ts';

/** p̃ = e^2.3 · N(1, 0.8²) (unnormalised: Z ≈ 10), proposal q = N(0, 1.5²). */
const TARGET = { mean: 1, std: 0.8, logZ: 2.3 };
const Q = { mean: 0, std: 1.5 };

export const cases: Record<string, CaseRecipe> = {
  /** args [xs, logp, logq, f]: the weights are known, so the estimate and the ESS are exact. */
  exactWeights: (rng) => {
    const n = 10;
    const xs = () => tensor([n, 1], rng.normals(n));
    const f = () => tensor([n], rng.normals(n, 1, 2));
    const lq = rng.normals(n);
    return [
      { label: 'equal weights (log p̃ = log q + 3.7): ess = n', args: [xs(), tensor([n], Array.from(lq, (v) => v + 3.7)), tensor([n], lq), f()] },
      { label: 'one dominant weight: ess ≈ 1', args: [xs(), tensor([n], [0, ...Array(n - 1).fill(-20)]), tensor([n], Array(n).fill(0)), f()] },
      { label: 'log-weights near 1000 (exp overflows float32)', args: [xs(), tensor([n], Array.from({ length: n }, (_, i) => 1000 - i)), tensor([n], Array(n).fill(0)), f()] },
      { label: 'random log-weights, n = 50', args: [tensor([50, 1], rng.normals(50)), tensor([50], rng.normals(50, 0, 2)), tensor([50], rng.normals(50)), tensor([50], rng.normals(50))] },
    ];
  },
  /** One estimate with the seed twice and with the next seed: args [target, q, f, n, seed]. */
  seedProbe: (rng) => [{ label: 'E_p[x] with p̃ = e^2.3·N(1, 0.8²), q = N(0, 1.5²), n = 500', args: [TARGET, Q, { kind: 'x' }, 500, rng.seed32()] as Wire[] }],
  /** args [target, q, f, n, runs, seed]. */
  manySeeds: (rng) => [
    { label: 'E_p[x] with p̃ = e^2.3·N(1, 0.8²), q = N(0, 1.5²), n = 4000, 200 seeds', args: [TARGET, Q, { kind: 'x' }, 4000, 200, rng.seed32()] as Wire[] },
    { label: 'E_p[x²], same target and q', args: [TARGET, Q, { kind: 'x2' }, 4000, 200, rng.seed32()] as Wire[] },
    { label: 'P_p(x > 1.5), same target and q', args: [TARGET, Q, { kind: 'above', c: 1.5 }, 4000, 200, rng.seed32()] as Wire[] },
  ],
};
