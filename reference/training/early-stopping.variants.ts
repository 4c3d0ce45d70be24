import type { Variant } from '../variant.ts';

type Result = { stopEpoch: number; bestEpoch: number };

/** The reference loop with the knobs a student may turn wrong. */
function stopper(opts: { late?: boolean; ignoreMinDelta?: boolean; orEqual?: boolean; argminBest?: boolean }) {
  return (valLosses: number[], patience: number, minDelta: number): Result => {
    const delta = opts.ignoreMinDelta ? 0 : minDelta;
    const improves = (l: number, best: number) => (opts.orEqual ? l <= best - delta : l < best - delta);
    let best = Infinity;
    let bestEpoch = 0;
    let wait = 0;
    let stopEpoch = valLosses.length - 1;
    for (let e = 0; e < valLosses.length; e++) {
      if (improves(valLosses[e]!, best)) {
        best = valLosses[e]!;
        bestEpoch = e;
        wait = 0;
      } else if (++wait === (opts.late ? patience + 1 : patience)) {
        stopEpoch = e;
        break;
      }
    }
    if (opts.argminBest) {
      const seen = valLosses.slice(0, stopEpoch + 1);
      bestEpoch = seen.indexOf(Math.min(...seen));
    }
    return { stopEpoch, bestEpoch };
  };
}

export const variants: Variant[] = [
  {
    id: 'stop-one-epoch-late',
    verdict: 'mistake',
    hint: 'Your output matches stopping at (first epoch without improvement) + patience, one epoch late: stop at the epoch that completes `patience` epochs in a row without improvement (with patience 1, the first such epoch itself).',
    exports: { earlyStopping: stopper({ late: true }) },
  },
  {
    id: 'min-delta-ignored',
    verdict: 'mistake',
    hint: 'Your output matches early stopping with minDelta ignored: an epoch improves only when its loss < best − minDelta, so improvements smaller than minDelta do not reset the patience counter.',
    exports: { earlyStopping: stopper({ ignoreMinDelta: true }) },
  },
  {
    id: 'improves-on-equal',
    verdict: 'mistake',
    hint: 'Your output matches counting loss ≤ best − minDelta as an improvement: use a strict <, so a plateau of equal losses does not reset the patience counter.',
    exports: { earlyStopping: stopper({ orEqual: true }) },
  },
  {
    id: 'best-is-argmin',
    verdict: 'mistake',
    hint: 'Your output matches bestEpoch = the epoch of the lowest loss: bestEpoch is the last epoch that improved by more than minDelta; a lower loss by less than minDelta is not an improvement.',
    exports: { earlyStopping: stopper({ argminBest: true }) },
  },
];
