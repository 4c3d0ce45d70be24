import { describe, expect, it } from 'vitest';
import { catalog, expectCoverage, expectParity } from './parity-run.ts';

// The fast subset of the parity sweep (npm test): every op case once, on the 'mixed' values
// (negatives, positives and exact zeros). parity.slow.test.ts adds the other value sets.
const cat = await catalog();

describe('parity: value and gradient of every tf op, plain cpu vs the sandbox\'s wasm', () => {
  it('when the catalog is generated from tfjs\'s registered gradients then every kernel is covered or left out with a reason', () => {
    expectCoverage(cat);
    expect(cat.cases.length).toBeGreaterThan(400);
  });

  const byOp = new Map<string, typeof cat.cases>();
  for (const c of cat.cases) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);
  for (const [op, cases] of byOp) {
    it(`${op}: ${cases.length} edge cases agree (or differ exactly as documented)`, async () => {
      for (const c of cases) await expectParity(c, 'mixed');
    });
  }
});
