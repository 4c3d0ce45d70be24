import { checkInteger, checkNumber } from '../check.ts';

/**
 * When to stop (notes 1.3.3). Epochs are 0-based. Epoch e improves when its loss is
 * < best − minDelta (best starts at +∞, so epoch 0 always improves). Training stops at
 * the first epoch that completes `patience` epochs in a row without improvement, else at
 * the last epoch; bestEpoch is the last improving epoch (the weights one would restore).
 *
 * Arguments are validated: at least one loss; every loss finite (a NaN or ∞ loss means
 * training diverged, which is for the caller to stop on, not something to compare
 * against: NaN < best is always false and would pass silently for "no improvement");
 * patience an integer ≥ 1; minDelta finite and ≥ 0.
 */
export function earlyStopping(valLosses: number[], patience: number, minDelta: number): { stopEpoch: number; bestEpoch: number } {
  if (!Array.isArray(valLosses)) throw new Error(`earlyStopping: valLosses must be an array of numbers, but got ${typeof valLosses}`);
  if (valLosses.length === 0) throw new Error('earlyStopping: valLosses must hold at least one loss, but got an empty array');
  valLosses.forEach((l, i) => checkNumber('earlyStopping', `valLosses[${i}]`, l));
  checkInteger('earlyStopping', 'patience', patience, 1);
  checkNumber('earlyStopping', 'minDelta', minDelta, 0);

  let best = Infinity;
  let bestEpoch = 0;
  let wait = 0; // epochs in a row without improvement
  for (let e = 0; e < valLosses.length; e++) {
    if (valLosses[e]! < best - minDelta) {
      best = valLosses[e]!;
      bestEpoch = e;
      wait = 0;
    } else if (++wait === patience) {
      return { stopEpoch: e, bestEpoch };
    }
  }
  return { stopEpoch: valLosses.length - 1, bestEpoch };
}
