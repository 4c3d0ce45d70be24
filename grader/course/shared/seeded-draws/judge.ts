import { compareWire } from '../../../compare/allclose.ts';
import type { Wire } from '../../../basics/wire.ts';
import type { Judge } from '../../../judges/types.ts';

/**
 * Judges `sameSeedTask`'s values: the two calls with one seed agree exactly, and the next seed
 * gives different draws. `what` names the draws ('mask', 'noise'); `fix` says where the seed goes.
 */
export function sameSeedJudge(what: string, fix: string): Judge {
  return ({ cases, values }) => {
    for (let i = 0; i < cases.length; i++) {
      const v = values[i] as Record<string, Wire>;
      const m = compareWire(v.first!, v.again, { rtol: 0, atol: 0 });
      if (m) return { passed: false, message: `${cases[i]!.label}: two calls with the same seed differ (${m.message}): ${fix}` };
      if (!compareWire(v.first!, v.otherSeed, { rtol: 0, atol: 0 })) return { passed: false, message: `${cases[i]!.label}: consecutive seeds give the same ${what}: the seed is ignored` };
    }
    return { passed: true, message: `the same seed gives the same ${what}, another seed another ${what}` };
  };
}
