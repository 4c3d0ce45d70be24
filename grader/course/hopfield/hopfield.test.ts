import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

describe('hopfield', () => {
  it('when recall updates all units at once then the energy check finds a rise and names synchronous updates', async () => {
    const r = await grade('hopfield', wrongSubmission('hopfield', 'synchronous'));
    const c = check(r, 'energy never rises along recall');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/the energy rose along recall \(row \d+, sweep \d+: E went from/);
    expect(c.hint).toMatch(/synchronous/);
    expect(check(r, 'Hebbian weights').passed).toBe(true);
  });

  it('when recall uses tf.sign and W keeps its diagonal then both are named', async () => {
    const r = await grade('hopfield', wrongSubmission('hopfield', 'sign-zero'));
    const e = check(r, 'energy never rises along recall');
    expect(e.passed).toBe(false);
    expect(e.hint).toMatch(/keep xᵢ as it is/);
    expect(check(r, 'Hebbian weights').hint).toMatch(/diagonal/);
  });

  it('when the visiting order ignores the seed (0, 1, …, n − 1 every sweep) then the seed check fails naming the rule, and the sweeps check the order reused every sweep', async () => {
    const r = await grade('hopfield', wrongSubmission('hopfield', 'ignores-seed'));
    expect(check(r, 'the seed sets the visiting order').message, summary(r)).toMatch(/changing only the seed left the results exactly the same.*draw a random order of the n units from `seed`/);
    expect(check(r, 'sweeps = 0, 1 and 3 do what the README says').message).toMatch(/the first sweep's visiting order again/);
    expect(r.score).toBe(r.maxScore - 2);
  });

  it('when recall runs one sweep whatever sweeps says then the sweeps check fails naming the rule, and only it', async () => {
    const r = await grade('hopfield', wrongSubmission('hopfield', 'one-sweep-only'));
    expect(check(r, 'sweeps = 0, 1 and 3 do what the README says').message, summary(r)).toMatch(/the later sweeps did not run.*repeat `sweeps` times/);
    expect(r.score).toBe(r.maxScore - 1);
  });

  it('when recall updates x0\'s own data in place then every recall check fails with "do not modify the inputs"', async () => {
    const r = await grade('hopfield', wrongSubmission('hopfield', 'updates-x0-in-place'));
    for (const c of r.checks.filter((x) => x.name !== 'Hebbian weights' && x.name !== 'energy')) {
      expect(c.passed, summary(r)).toBe(false);
      expect(c.message).toMatch(/recall wrote into its argument 1's data.*do not modify the inputs/);
    }
  });

  it('when one visiting order is reused for every sweep then only the sweeps check fails, saying to draw a new order each sweep', async () => {
    const r = await grade('hopfield', wrongSubmission('hopfield', 'same-order-every-sweep'));
    const c = check(r, 'sweeps = 0, 1 and 3 do what the README says');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/the first sweep's visiting order again: draw a new random order for each sweep/);
    expect(c.hint).toMatch(/shuffle the units again at the start of every sweep/);
    expect(r.score).toBe(r.maxScore - 1);
  });
});
