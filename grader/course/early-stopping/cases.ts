import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import type { Case } from '../../basics/wire.ts';

/** earlyStopping(valLosses, patience, minDelta): plain numbers travel as they are. */
export const c = (label: string, losses: number[], patience: number, minDelta: number): Case => ({
  label: `${label} (patience ${patience}, minDelta ${minDelta})`,
  args: [losses, patience, minDelta],
});

/**
 * A falling, noisy, eventually rising validation curve of `n` epochs. Values are multiples
 * of 2⁻¹², and the minDelta of the noisy cases powers of 2, so that best − minDelta is exact
 * and `l < best − minDelta`, `best − l > minDelta` and `l + minDelta < best` agree on ties.
 */
function noisyCurve(rng: Rng, n: number, noise: number): number[] {
  const turn = rng.int(Math.floor(n / 3), n);
  return Array.from({ length: n }, (_, e) => {
    const trend = 2 * Math.exp(-e / 6) + 0.3 + 0.01 * Math.max(0, e - turn);
    return Math.round((trend + noise * rng.normal()) * 4096) / 4096;
  });
}

export const cases: Record<string, CaseRecipe> = {
  /** Loss curves with minDelta = 0: plateaus, noise, never improving, improving to the end. */
  curves: (rng) => [
    c('improves every epoch: runs to the end', [1, 0.9, 0.8, 0.7, 0.6, 0.5], 2, 0),
    c('never improves after epoch 0', [0.5, 0.6, 0.7, 0.8, 0.9, 1], 3, 0),
    c('improves, then rises', [1, 0.8, 0.7, 0.72, 0.75, 0.9, 1.1, 1.2], 3, 0),
    c('a plateau of equal losses does not improve', [1, 0.5, 0.5, 0.5, 0.5, 0.4], 3, 0),
    c('a plateau shorter than the patience', [1, 0.5, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4], 4, 0),
    c('recovers just before the patience runs out', [1, 0.9, 0.95, 0.92, 0.85, 0.86, 0.87, 0.88], 3, 0),
    c('the best is at the last epoch', [3, 2, 2.5, 1], 5, 0),
    ...Array.from({ length: 6 }, (_, i) => {
      const patience = [2, 3, 5, 1, 4, 10][i]!;
      return c(`noisy curve #${i + 1}`, noisyCurve(rng, 30, 0.05), patience, 0);
    }),
  ],
  /**
   * minDelta > 0: small improvements do not count. Each loss is either clear of best − minDelta
   * by ≥ 0.01 or exactly on it with dyadic values, so every way of writing the comparison agrees.
   */
  minDelta: (rng) => [
    c('tiny improvements do not count', [1, 0.9996, 0.9992, 0.9988, 0.9984, 0.998], 2, 0.001),
    c('a large improvement counts, tiny ones do not', [1, 0.5, 0.4999, 0.4998, 0.3, 0.2999, 0.2998], 3, 0.01),
    c('an improvement of exactly minDelta does not count', [1, 0.75, 0.5, 0.25], 2, 0.25),
    c('an improvement of just over minDelta counts', [1, 0.74, 0.48, 0.22], 2, 0.25),
    c('small steps add up only against the best, not the last epoch', [1, 0.96, 0.92, 0.88, 0.84, 0.8], 3, 0.05),
    ...Array.from({ length: 4 }, (_, i) => {
      const [patience, minDelta] = ([[2, 2 ** -7], [3, 2 ** -6], [5, 2 ** -8], [1, 2 ** -10]] as const)[i]!;
      return c(`noisy curve #${i + 1}`, noisyCurve(rng, 30, 0.03), patience, minDelta);
    }),
  ],
};
