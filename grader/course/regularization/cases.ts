import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor, type Case, type Wire } from '../../basics/wire.ts';

const size = (s: number[]): number => s.reduce((a, b) => a * b, 1);

/** Seeded normals with about a third of the entries exactly 0 (where |θ| has its kink). */
function withZeros(rng: Rng, shape: number[]): Wire {
  return tensor(shape, Array.from({ length: size(shape) }, () => (rng.uniform() < 1 / 3 ? 0 : rng.normal())));
}

/** Parameter lists of three tensors (the gradient checks differentiate w.r.t. "0.0", "0.1", "0.2"). */
const THREE: number[][][] = [[[5], [3, 4], []], [[2, 3, 2], [1, 1], [4]], [[6], [6], [2, 5]]];

function penaltyCases(rng: Rng, zeros: boolean): Case[] {
  const make = (s: number[]): Wire => (zeros ? withZeros(rng, s) : normalTensor(rng, s));
  const lambdas = [0.1, 0.01, 2.5];
  return [
    ...THREE.map((shapes, i) => ({ label: `shapes ${JSON.stringify(shapes)}, lambda=${lambdas[i]}${zeros ? ', some θ = 0' : ''}`, args: [shapes.map(make), lambdas[i]!] as Wire[] })),
    { label: `lambda=0${zeros ? ', some θ = 0' : ''}`, args: [THREE[0]!.map(make), 0] },
  ];
}

export const cases: Record<string, CaseRecipe> = {
  /** Values: varied shapes and λ, entries exactly 0, λ = 0, a single parameter, an empty list (penalty 0). */
  penalty: (rng) => [
    ...penaltyCases(rng, true),
    { label: 'one parameter, large values, lambda=1e-3', args: [[normalTensor(rng, [4, 4], 30)], 1e-3] },
    { label: 'all zeros', args: [[tensor([3], [0, 0, 0]), tensor([2, 2], [0, 0, 0, 0])], 0.5] },
    { label: 'empty parameter list', args: [[], 0.1] },
  ],
  /** Gradients w.r.t. each of three parameters; L1's cases include θ = 0 (see tasks/regularization.ts). */
  l1Gradient: (rng) => penaltyCases(rng, true),
  l2Gradient: (rng) => penaltyCases(rng, false),
};
