import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const EXACT = 'estimate and ESS for known weights';
const SEEDS = 'error over 200 seeds against the exact expectation';

describe('importance-sampling', () => {
  it('when the weights are not self-normalised then both checks fail and the hint names the normalising constant', async () => {
    const r = await grade('importance-sampling', wrongSubmission('importance-sampling', 'not-self-normalised'));
    expect(check(r, EXACT).passed, summary(r)).toBe(false);
    expect(check(r, EXACT).hint).toMatch(/self-normalised/);
    const c = check(r, SEEDS);
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/probability below/);
    expect(c.hint).toMatch(/e\^2\.3 = 9\.97 times the exact value/);
  });

  it('when the raw log-weights are exponentiated then the known-weights check fails on log-weights near 1000', async () => {
    const r = await grade('importance-sampling', wrongSubmission('importance-sampling', 'exp-overflow'));
    const c = check(r, EXACT);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/log-weights near 1000/);
    expect(c.hint).toMatch(/overflows/);
    expect(check(r, SEEDS).passed).toBe(true);
  });

  it('when the samples ignore the seed then the seed check and the many-seeds check say the seed is ignored, naming the rule', async () => {
    const r = await grade('importance-sampling', wrongSubmission('importance-sampling', 'ignores-seed'));
    expect(check(r, 'the same seed gives the same estimate, another seed another').message, summary(r)).toMatch(/the seed is ignored.*q\.sample\(n, seed\)/);
    expect(check(r, 'error over 200 seeds against the exact expectation').message).toMatch(/all 200 estimates, each with its own seed, are exactly/);
    expect(check(r, 'estimate and ESS for known weights').passed).toBe(true);
  });

  it('when nothing is disposed then the 200-seed check fails on the leak, naming tf.tidy', async () => {
    const r = await grade('importance-sampling', wrongSubmission('importance-sampling', 'no-dispose'));
    expect(check(r, 'error over 200 seeds against the exact expectation').message, summary(r)).toMatch(/^leaked \d+ tensors \(more than 1000\): dispose intermediates with tf\.tidy/);
    expect(check(r, 'estimate and ESS for known weights').passed).toBe(true);
  });

  it('when only n/2 samples are drawn then the known weights pass and the spread test fails, naming the draws it matches', async () => {
    const r = await grade('importance-sampling', wrongSubmission('importance-sampling', 'half-the-draws'));
    expect(check(r, EXACT).passed, summary(r)).toBe(true);
    const c = check(r, SEEDS);
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/spread sd .* vs a correct estimator's .* with n = 4000 draws, p = .* \(two-sided χ² test of the variance/);
    expect(c.hint).toMatch(/your spread matches about \d+ draws, not 4000/);
  });
});
