import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const SAMPLES = 'Gibbs sweeps sample the exact distribution';

describe('boltzmann', () => {
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
