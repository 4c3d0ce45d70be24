import { describe, expect, it } from 'vitest';
import { check, grade, referenceSubmission, stubSubmission, summary, wrongSubmission } from '../../../test/grading.ts';

describe('mle', () => {
  it('when the reference is submitted then it gets full marks', async () => {
    const r = await grade('mle', referenceSubmission('mle'));
    expect(r.score, summary(r)).toBe(r.maxScore);
  });

  it('when the stub is submitted then every check says "not implemented yet" and scores zero', async () => {
    const r = await grade('mle', stubSubmission('mle'));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toBe('not implemented yet');
  });

  it('when log σ is computed directly then the extreme-logit check fails with the stable-form hint', async () => {
    const r = await grade('mle', wrongSubmission('mle', 'naive-log-sigmoid'));
    const c = check(r, 'Bernoulli log-likelihood at extreme logits');
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/-Inf|NaN/);
    expect(c.hint).toMatch(/softplus/);
    expect(check(r, 'Gaussian log-likelihood').passed).toBe(true);
  });

  it('when logVar is used as the variance then the Gaussian check fails with the log-variance hint', async () => {
    const r = await grade('mle', wrongSubmission('mle', 'logvar-as-variance'));
    const c = check(r, 'Gaussian log-likelihood');
    expect(c.passed).toBe(false);
    expect(c.hint).toMatch(/LOG of the variance/);
    expect(check(r, 'Bernoulli log-likelihood').passed).toBe(true);
  });
});
