import { describe, it } from 'vitest';
import { catalog, expectCoverage, expectParity } from './parity-run.ts';
import type { ValueSet } from './sweep.ts';

// The whole parity sweep: every op case on every value set. VALUE_SETS=positive,large narrows it.
const SETS = (process.env.VALUE_SETS?.split(',') ?? ['mixed', 'positive', 'large']) as ValueSet[];
const cat = await catalog();

describe('parity sweep: every op case on every value set, plain cpu vs the sandbox\'s wasm', () => {
  it('covers every kernel with a gradient', () => expectCoverage(cat));
  for (const set of SETS) {
    for (const c of cat.cases) {
      it(`${c.op} ${c.label}, ${set} values`, async () => {
        await expectParity(c, set);
      });
    }
  }
});
