import type { Rng } from '../../../basics/rng.ts';
import { normalTensor, spdMatrix, uniformTensor } from '../../../inputs/shared.ts';
import type { Case, Wire } from '../../../basics/wire.ts';

/** Parameter lists of varied shapes (a scalar, a vector, a matrix, a rank-3 tensor). */
export const PARAM_SHAPES: number[][][] = [[[5]], [[3, 4], [4]], [[], [2, 3, 2]], [[1, 1]]];

export function paramList(rng: Rng, shapes: number[][], std = 1): Wire[] {
  return shapes.map((s) => normalTensor(rng, s, std));
}

/**
 * Cases for `steps` steps on two quadratics (see tasks/optimizers.ts): one well conditioned,
 * one ill conditioned, with the optimizer's hyper-parameters.
 */
export function trajectoryCases(rng: Rng, hps: Record<string, number>[], steps = 50): Case[] {
  return hps.flatMap((hp, i) =>
    [
      { name: 'well-conditioned', lo: 0.5, hi: 2 },
      { name: 'ill-conditioned', lo: 0.05, hi: 5 },
    ].map(({ name, lo, hi }) => {
      const d = 6;
      return {
        label: `${name}, ${Object.entries(hp).map(([k, v]) => `${k}=${v}`).join(' ')}`,
        args: [spdMatrix(rng, d, lo, hi), normalTensor(rng, [d]), normalTensor(rng, [d]), uniformTensor(rng, [2, 3], lo, hi), normalTensor(rng, [2, 3]), hp, steps] as Wire[],
      };
    }).map((c) => ({ ...c, label: hps.length > 1 ? `${c.label} (#${i + 1})` : c.label })),
  );
}
