import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

describe('dropout', () => {
  it('when units are kept with probability rate then the distribution check fails with the swap hint', async () => {
    const r = await grade('dropout', wrongSubmission('dropout', 'keeps-with-rate'));
    const c = check(r, 'kept fraction and rescaling');
    expect(c.passed).toBe(false);
    expect(c.hint ?? '').toMatch(/probability to drop/);
  });

  it('when the kept units are not rescaled then the message gives the value and the hint the fix', async () => {
    const r = await grade('dropout', wrongSubmission('dropout', 'no-rescale'));
    const c = check(r, 'kept fraction and rescaling');
    expect(c.message).toMatch(/came out as 1, expected 1\/\(1 − rate\) = 1\.25/);
    expect(c.hint).toMatch(/inverted dropout/);
    expect(check(r, 'gradient through kept units').passed).toBe(false);
  });

  it('when the seed is ignored then the same-seed check fails and says so', async () => {
    const r = await grade('dropout', wrongSubmission('dropout', 'ignores-seed'));
    expect(check(r, 'same seed, same mask').message).toMatch(/two calls with the same seed differ/);
    expect(check(r, 'kept fraction and rescaling').passed).toBe(true);
  });

  it('when the mask is applied at evaluation then the identity check fails', async () => {
    const r = await grade('dropout', wrongSubmission('dropout', 'drops-at-evaluation'));
    expect(check(r, 'identity when not training').message).toMatch(/should return x unchanged/);
  });

  it('when x itself is returned at evaluation then the identity check fails naming the rule "return a new tensor"', async () => {
    const r = await grade('dropout', wrongSubmission('dropout', 'returns-input-at-evaluation'));
    const c = check(r, 'identity when not training');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/dropout returned its argument 1 itself: return a new tensor/);
    expect(check(r, 'kept fraction and rescaling').passed).toBe(true);
  });

  it('when a fixed number of units is dropped per call then the kept fraction passes but the independence check fails, naming the count', async () => {
    const r = await grade('dropout', wrongSubmission('dropout', 'drops-fixed-count'));
    expect(check(r, 'kept fraction and rescaling').passed, summary(r)).toBe(true);
    const c = check(r, 'units dropped independently');
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/400 calls on 10 units at rate 0\.3: χ² = .*, p = .* \(χ² test/);
    expect(c.hint).toMatch(/every call kept exactly 7 of the 10 units/);
    expect(r.score).toBe(r.maxScore - 1);
  });

  it('when one mask over the last axis is shared by every row then the independence check fails on the columns\' counts', async () => {
    const r = await grade('dropout', wrongSubmission('dropout', 'mask-shared-by-rows'));
    const c = check(r, 'units dropped independently');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/the 120 columns of ones \[80, 120\] at rate 0\.5: .* far more than a binomial's/);
    expect(c.hint).toMatch(/the units of one column are kept or dropped together/);
  });
});
