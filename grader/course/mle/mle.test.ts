import { describe, expect, it } from 'vitest';
import { check, grade, wrongSubmission } from '../../../test/grading.ts';

describe('mle', () => {
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

  it('when the Gaussian log-likelihood sums over axis 1 only then the image-shaped Gaussian case fails on its shape', async () => {
    const r = await grade('mle', wrongSubmission('mle', 'gaussian-sums-axis-1'));
    const c = check(r, 'Gaussian log-likelihood');
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/image-shaped/);
    expect(c.message).toMatch(/shape/);
    expect(check(r, 'Bernoulli log-likelihood').passed).toBe(true);
  });
});
