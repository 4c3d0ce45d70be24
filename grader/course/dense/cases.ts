import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor, type Case } from '../../basics/wire.ts';

/** dense(x [N, n], w [n, m], b [m]) with Glorot-scaled weights and a non-zero bias. */
function denseCase(rng: Rng, n: number, inF: number, outF: number): Case {
  const r = rng.fork(`${n}x${inF}x${outF}`);
  return {
    label: `x [${n}, ${inF}], w [${inF}, ${outF}], b [${outF}]`,
    args: [normalTensor(r, [n, inF]), normalTensor(r, [inF, outF], Math.sqrt(2 / (inF + outF))), normalTensor(r, [outF], 0.5)],
  };
}

/** Square w (n = m): a transposed weight runs without an error here, so its hint can be matched. */
const SQUARE: [number, number][] = [
  [5, 4],
  [1, 3],
  [16, 8],
];

/** Non-square w (n ≠ m), both ways round, incl. a single example and a single output. */
const RECTANGULAR: [number, number, number][] = [
  [8, 5, 3],
  [3, 2, 6],
  [1, 7, 4],
  [6, 20, 1],
  [32, 64, 10],
];

/**
 * Activation inputs: the grid −30..30, the points where a naive formula breaks (±20, ±88,
 * ±89 past exp's float32 overflow, ±100, ±1000), 0 and tiny values, plus random tensors of
 * ranks 2 and 3 (the functions are elementwise on any shape).
 */
function activationGrid(withZero: boolean): number[] {
  const grid = Array.from({ length: 61 }, (_, i) => i - 30).filter((v) => v !== 0);
  const special = [20, 88, 89, 100, 1000, 0.5, 1e-3, 1e-8].flatMap((v) => [v, -v]);
  return [...(withZero ? [0] : []), ...grid, ...special];
}

function activationCases(rng: Rng, withZero: boolean): Case[] {
  const grid = activationGrid(withZero);
  const random2 = normalTensor(rng.fork('rank2'), [4, 5], 3);
  const random3 = normalTensor(rng.fork('rank3'), [2, 3, 4], 5);
  // Shifted off 0 for the kink-free gradient cases (relu's gradient at exactly 0 is a convention).
  if (!withZero) for (const t of [random2, random3]) t.$tensor.data.forEach((v, i, a) => (a[i] = v === 0 ? 0.25 : v));
  return [
    { label: `x = [${withZero ? '0, ' : ''}−30..30, ±20, ±88, ±89, ±100, ±1000, ±0.5, ±1e-3, ±1e-8]`, args: [tensor([grid.length], grid)] },
    { label: 'x of shape [4, 5], std 3', args: [random2] },
    { label: 'x of shape [2, 3, 4], std 5', args: [random3] },
  ];
}

export const cases: Record<string, CaseRecipe> = {
  denseSquare: (rng) => SQUARE.map(([n, f]) => denseCase(rng, n, f, f)),
  denseRectangular: (rng) => RECTANGULAR.map(([n, i, o]) => denseCase(rng, n, i, o)),
  denseGradient: (rng) => [...SQUARE.slice(0, 1).map(([n, f]) => denseCase(rng, n, f, f)), ...RECTANGULAR.slice(0, 3).map(([n, i, o]) => denseCase(rng, n, i, o))],
  activations: (rng) => activationCases(rng, true),
  /** sigmoid and tanh are smooth: their gradients are checked on the same grid, 0 included. */
  activationGradients: (rng) => activationCases(rng, true),
  /** relu's derivative at exactly 0 is a convention (tf.relu says 0; tf.maximum(x, 0) says 1), so 0 is left out. */
  reluGradients: (rng) => activationCases(rng, false),
  apiDense: (rng) => SQUARE.slice(0, 1).map(([n, f]) => denseCase(rng, n, f, f)),
  apiActivation: (rng) => activationCases(rng, true).slice(0, 2),
};
