import { compareWire } from '../compare/allclose.ts';
import { isWireTensor, type Wire } from '../basics/wire.ts';
import type { CheckSpec } from '../manifest/types.ts';
import type { Judge, JudgeTable } from './types.ts';

/**
 * For a model probe (fingerprints of 4 numbers per weight, with the weights' `names`): which
 * weight came out different between the two builds with the same seed.
 */
function namedDifference(v: Record<string, Wire>): string | undefined {
  const names = v.names;
  if (!Array.isArray(names) || !isWireTensor(v.first) || !isWireTensor(v.again)) return undefined;
  const a = v.first.$tensor.data, b = v.again.$tensor.data;
  const differ = new Set<string>();
  for (let k = 0; k < a.length && k < b.length; k++) if (!Object.is(a[k], b[k])) differ.add(String(names[Math.floor(k / 4)]));
  if (differ.size === 0) return undefined;
  const list = [...differ];
  return `the initial values of ${firstFew(list)} differ: their initializers are not seeded from the seed`;
}

/**
 * For a model probe: the weights that came out bit for bit the same with seed + 1 although they
 * are not constant (first number ≠ last number, so not a zeros/ones bias): drawn from a seed that
 * is not the builder's (a constant `{seed: 42}` on one layer while another takes `seed`).
 */
function unseededWeights(v: Record<string, Wire>): string[] {
  const names = v.names;
  if (!Array.isArray(names) || !isWireTensor(v.first) || !isWireTensor(v.changed)) return [];
  const a = v.first.$tensor.data, c = v.changed.$tensor.data;
  const same: string[] = [];
  for (let w = 0; 4 * w + 3 < a.length && 4 * w + 3 < c.length; w++) {
    const k = 4 * w;
    const unchanged = [0, 1, 2, 3].every((j) => Object.is(a[k + j], c[k + j]));
    if (unchanged && !Object.is(a[k + 2], a[k + 3])) same.push(String(names[w]));
  }
  return same;
}

/** "a, b, c, d and 3 more": the first four names of a list, and how many are left. */
function firstFew(list: string[]): string {
  return `${list.slice(0, 4).join(', ')}${list.length > 4 ? ` and ${list.length - 4} more` : ''}`;
}

/** ` (README: "…")` when the check quotes the rule it enforces. */
function ruleNote(check: CheckSpec): string {
  return check.rule ? ` (README: "${check.rule}")` : '';
}

/**
 * Judges a probe that ran the student's function three times: twice on the same arguments
 * (`first`, `again`) and once with only one argument changed (`changed`). The first two must
 * agree bit for bit; the third must differ. `what` names the changed argument ("seed",
 * "label"), `draws` what should change ("chains", "mask").
 */
export function changesOnlyWith(what: string, draws: string): Judge {
  return ({ cases, values, check }) => {
    for (let i = 0; i < cases.length; i++) {
      const v = values[i] as Record<string, Wire> | null;
      if (!v || typeof v !== 'object' || !('first' in v)) return { passed: false, message: `${cases[i]!.label}: no value came back` };
      const same = compareWire(v.first!, v.again, { rtol: 0, atol: 0 });
      if (same) {
        // compareWire speaks of expected/got; here both values are the student's own two calls.
        const where = namedDifference(v) ?? same.message.replace(/: expected /, ': the first call gave ').replace(/, got /, ', the second ');
        return { passed: false, message: `${cases[i]!.label}: two calls with the same arguments (the same ${what}) gave different ${draws} (${where})${ruleNote(check)}` };
      }
      if (!compareWire(v.first!, v.changed, { rtol: 0, atol: 0 })) {
        return { passed: false, message: `${cases[i]!.label}: changing only the ${what} left the ${draws} exactly the same: the ${what} is ignored${ruleNote(check)}` };
      }
      const fixed = unseededWeights(v);
      if (fixed.length > 0) {
        return { passed: false, message: `${cases[i]!.label}: changing only the ${what} left the random initial values of ${firstFew(fixed)} exactly the same: their initializers are not seeded from the ${what} (a constant seed?)${ruleNote(check)}` };
      }
    }
    return { passed: true, message: `the same ${what} gives the same ${draws}, another ${what} other ${draws}` };
  };
}

/** Judges available to every exercise (an exercise's own judges of the same name win). */
export const behaviourJudges: JudgeTable = {
  seedMatters: changesOnlyWith('seed', 'results'),
  labelMatters: changesOnlyWith('label', 'outputs'),
};
