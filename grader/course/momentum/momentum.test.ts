import { describe, expect, it } from 'vitest';
import { check, grade, referenceSubmission, stubSubmission, summary, wrongSubmission } from '../../../test/grading.ts';

describe('momentum', () => {
  it('when the reference is submitted then it gets full marks', async () => {
    const r = await grade('momentum', referenceSubmission('momentum'));
    expect(r.score, summary(r)).toBe(r.maxScore);
    expect(r.passed).toBe(true);
  });

  it('when the stub is submitted then every check says "not implemented yet" and scores zero', async () => {
    const r = await grade('momentum', stubSubmission('momentum'));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toBe('not implemented yet');
  });

  it('when the velocity is a moving average of gradients then the output checks fail with the EMA hint', async () => {
    const r = await grade('momentum', wrongSubmission('momentum', 'ema-velocity'));
    expect(check(r, 'one step').passed, summary(r)).toBe(false);
    expect(check(r, 'one step').hint).toMatch(/moving-average form/);
    expect(check(r, '50-step trajectory on quadratics').passed).toBe(false);
    expect(r.score).toBeLessThan(r.maxScore);
  });

  it('when the old velocity is handed back then the one-step check fails with the velocity hint', async () => {
    const r = await grade('momentum', wrongSubmission('momentum', 'velocity-not-updated'));
    expect(check(r, 'one step').passed, summary(r)).toBe(false);
    expect(check(r, 'one step').message).toMatch(/velocity/);
    expect(check(r, 'one step').hint).toMatch(/return the new velocity/);
    expect(check(r, '50-step trajectory on quadratics').passed).toBe(false);
  });

  it('when the velocity has the opposite sign then the one-step check fails with the sign hint', async () => {
    const r = await grade('momentum', wrongSubmission('momentum', 'velocity-opposite-sign'));
    expect(check(r, 'one step').passed, summary(r)).toBe(false);
    expect(check(r, 'one step').hint).toMatch(/opposite sign/);
  });
});
