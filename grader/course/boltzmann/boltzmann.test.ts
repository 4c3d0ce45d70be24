import { describe, expect, it } from 'vitest';
import { check, grade, referenceSubmission, stubSubmission, summary, wrongSubmission } from '../../../test/grading.ts';

const SAMPLES = 'Gibbs sweeps sample the exact distribution';

describe('boltzmann', () => {
  it('when the reference is submitted then it gets full marks and the message gives χ², df and p', async () => {
    const r = await grade('boltzmann', referenceSubmission('boltzmann'));
    expect(r.score, summary(r)).toBe(r.maxScore);
    expect(check(r, SAMPLES).message).toMatch(/χ² = [\d.]+ on \d+ df, p = .*fails this check with probability 1\.0e-4/);
  });

  it('when the stub is submitted then every check says "not implemented yet" and scores zero', async () => {
    const r = await grade('boltzmann', stubSubmission('boltzmann'));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toBe('not implemented yet');
  });

  it('when a sweep resamples one unit instead of n then the chi-square check fails and says so', async () => {
    const r = await grade('boltzmann', wrongSubmission('boltzmann', 'one-update-per-sweep'));
    const c = check(r, SAMPLES);
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/p = .* with probability below .*state [+−]{8} seen \d+ times, expected [\d.]+ \((over|under)-represented\)/);
    expect(c.hint).toMatch(/EVERY unit/);
    expect(check(r, 'log-likelihood gradient').passed).toBe(true);
  });

  it('when the conditional is σ(h) instead of σ(2h) and the gradient is model − data then both checks fail with hints', async () => {
    const r = await grade('boltzmann', wrongSubmission('boltzmann', 'sigmoid-without-2'));
    const c = check(r, SAMPLES);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.hint).toMatch(/factor 2/);
    expect(check(r, 'log-likelihood gradient').hint).toMatch(/DESCENT direction/);
  });

  it('when a sweep draws without its seed then only the seed check fails, naming the rule', async () => {
    const r = await grade('boltzmann', wrongSubmission('boltzmann', 'unseeded-draws'));
    const c = check(r, 'the same seed gives the same sweep, another seed another');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/two calls with the same arguments \(the same seed\) gave different results.*Use a different seed for each random draw inside a sweep/);
    expect(r.score).toBe(r.maxScore - 1);
  });
});
