import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

describe('momentum', () => {
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
