import type { CaseRecipe } from '../../inputs/types.ts';
import type { Rng } from '../../basics/rng.ts';
import { tensor, type Wire } from '../../basics/wire.ts';

const TABLE = { kind: 'table', logits: [0.05, 0.1, 0.2, 0.3, 0.35].map(Math.log) };
const MIXTURE = { kind: 'mixture', weights: [0.3, 0.7], means: [-2, 1.5], stds: [0.5, 1] };
const BANANA = { kind: 'banana', s1: 2, b: 0.5 };
const NORMAL = { kind: 'mixture', weights: [1], means: [0], stds: [1] };

/** Exact draws from the mixture (chains start in the target, so no burn-in is needed). */
function mixtureDraws(rng: Rng, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => {
    const m = rng.uniform() < MIXTURE.weights[0]! ? 0 : 1;
    return rng.normal(MIXTURE.means[m]!, MIXTURE.stds[m]!);
  });
}

function bananaDraws(rng: Rng, n: number): Float32Array {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const x1 = rng.normal(0, BANANA.s1);
    out[2 * i] = x1;
    out[2 * i + 1] = rng.normal(BANANA.b * (x1 * x1 - BANANA.s1 ** 2), 1);
  }
  return out;
}

/**
 * Groups of chains for the one-step check: (A, c) = the correct acceptance probability and the
 * log Hastings factor c = log q(x|x') − log q(x'|x). Chosen so that leaving the factor out or
 * turning it upside down changes A (except the symmetric group, which catches accepting too often).
 */
export const ONE_STEP_GROUPS: { accept: number; logRatio: number }[] = [
  { accept: 0.1, logRatio: Math.log(3) },
  { accept: 0.3, logRatio: -Math.log(2) },
  { accept: 0.6, logRatio: Math.log(2) },
  { accept: 1, logRatio: Math.log(4) }, // p(x')q(x|x') / p(x)q(x'|x) = 1.5
  { accept: 0.05, logRatio: 0 },
];
export const ONE_STEP_CHAINS = 4000;

export const cases: Record<string, CaseRecipe> = {
  /** One step of 5 × 4000 chains from known states with a fixed proposal: args [target, x0, to, logq(to|x0), logq(x0|to), seed]. */
  oneStep: (rng) => {
    const x0: number[] = [], to: number[] = [], fwd: number[] = [], bwd: number[] = [];
    for (const g of ONE_STEP_GROUPS) {
      // Standard normal target: log p(x') − log p(x) = ΔlogP = log(ratio) − c.
      const dLogP = (g.accept < 1 ? Math.log(g.accept) : Math.log(1.5)) - g.logRatio;
      const [a, b] = dLogP < 0 ? [0, Math.sqrt(-2 * dLogP)] : [Math.sqrt(2 * dLogP), 0];
      for (let i = 0; i < ONE_STEP_CHAINS; i++) {
        x0.push(a);
        to.push(b);
        fwd.push(-1 - g.logRatio / 2);
        bwd.push(-1 + g.logRatio / 2);
      }
    }
    const n = x0.length;
    return [{ label: `one step of ${n} chains from known states, fixed proposals`, args: [NORMAL as Wire, tensor([n, 1], x0), tensor([n, 1], to), tensor([n], fwd), tensor([n], bwd), rng.seed32()] }];
  },
  /** A small chain run three times (seed, seed, seed + 1): args [target, proposal, x0, steps, seed]. */
  seedProbe: (rng) => [
    { label: '200 chains, mixture target, random walk (std 1.5), 5 steps', args: [MIXTURE as Wire, { kind: 'gaussian', std: 1.5, drift: [0] }, tensor([200, 1], mixtureDraws(rng, 200)), 5, rng.seed32()] },
  ],
  /** 20000 chains on 5 states, all from state 0, 30 steps: args [target, proposal, x0, steps, seed]. */
  discrete: (rng) => {
    const x0 = tensor([20000, 1], new Float32Array(20000));
    return [
      { label: '5-state table, symmetric ±1 random walk on a cycle', args: [TABLE as Wire, { kind: 'cycle', states: 5, up: 0.5 }, x0, 30, rng.seed32()] },
      { label: '5-state table, asymmetric cycle walk (+1 with probability 0.8)', args: [TABLE as Wire, { kind: 'cycle', states: 5, up: 0.8 }, x0, 30, rng.seed32()] },
      { label: '5-state table, independence proposal (0.4, 0.3, 0.15, 0.1, 0.05)', args: [TABLE as Wire, { kind: 'independent', probs: [0.4, 0.3, 0.15, 0.1, 0.05] }, x0, 30, rng.seed32()] },
    ];
  },
  /** 5000 chains started from exact draws of the target, 100 steps: the last step must still follow it. */
  continuous: (rng) => [
    { label: 'mixture of Gaussians, symmetric random walk (std 1.5)', args: [MIXTURE as Wire, { kind: 'gaussian', std: 1.5, drift: [0] }, tensor([5000, 1], mixtureDraws(rng, 5000)), 100, rng.seed32()] },
    { label: 'mixture of Gaussians, drifting proposal x + 0.6 + 1.2·ε (asymmetric)', args: [MIXTURE as Wire, { kind: 'gaussian', std: 1.2, drift: [0.6] }, tensor([5000, 1], mixtureDraws(rng, 5000)), 100, rng.seed32()] },
    { label: 'banana, symmetric random walk (std 0.7)', args: [BANANA as Wire, { kind: 'gaussian', std: 0.7, drift: [0, 0] }, tensor([5000, 2], bananaDraws(rng, 5000)), 100, rng.seed32()] },
    { label: 'banana, drifting proposal x + (0.3, 0) + 0.7·ε (asymmetric)', args: [BANANA as Wire, { kind: 'gaussian', std: 0.7, drift: [0.3, 0] }, tensor([5000, 2], bananaDraws(rng, 5000)), 100, rng.seed32()] },
  ],
};
