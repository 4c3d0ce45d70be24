import { describe, expect, it } from 'vitest';
import { check, grade, referenceSubmission, stubSubmission, summary, wrongSubmission } from '../grading.ts';

const ONE = 'acceptance probability, one step from known states';
const DISCRETE = '5-state target, symmetric and asymmetric proposals';
const CONTINUOUS = 'mixture of Gaussians and banana, symmetric and asymmetric proposals';

describe('metropolis-hastings', () => {
  it('when the reference is submitted then it gets full marks and each check states its p-values and risk', async () => {
    const r = await grade('metropolis-hastings', referenceSubmission('metropolis-hastings'));
    expect(r.score, summary(r)).toBe(r.maxScore);
    expect(check(r, ONE).message).toMatch(/group 1 .*accepted \d+ of 4000 .*A = 0\.100, p = .*fails this check with probability 3\.3e-5/);
    expect(check(r, CONTINUOUS).message).toMatch(/KS D = 0\.\d+ over 5000 chains, p = /);
  });

  it('when the stub is submitted then every check says "not implemented yet" and scores zero', async () => {
    const r = await grade('metropolis-hastings', stubSubmission('metropolis-hastings'));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toBe('not implemented yet');
  });

  it('when the Hastings correction is missing then the one-step and asymmetric-proposal checks fail and name it', async () => {
    const r = await grade('metropolis-hastings', wrongSubmission('metropolis-hastings', 'missing-correction'));
    expect(check(r, ONE).passed, summary(r)).toBe(false);
    expect(check(r, ONE).hint).toMatch(/left out/);
    expect(check(r, ONE).message).toMatch(/the acceptance probability should be/);
    expect(check(r, DISCRETE).passed).toBe(false);
    expect(check(r, DISCRETE).hint).toMatch(/left out/);
    expect(check(r, CONTINUOUS).passed).toBe(false);
    expect(check(r, CONTINUOUS).message).toMatch(/drifting proposal/);
  });

  it('when the correction is upside down then all three checks fail and the one-step check says so', async () => {
    const r = await grade('metropolis-hastings', wrongSubmission('metropolis-hastings', 'correction-upside-down'));
    expect(check(r, ONE).hint, summary(r)).toMatch(/upside down/);
    expect(check(r, DISCRETE).passed).toBe(false);
    expect(check(r, CONTINUOUS).passed).toBe(false);
  });

  it('when it accepts too often then the one-step check fails with that hint', async () => {
    const r = await grade('metropolis-hastings', wrongSubmission('metropolis-hastings', 'accepts-too-often'));
    expect(check(r, ONE).passed, summary(r)).toBe(false);
    expect(check(r, ONE).hint).toMatch(/accept too often/);
    expect(check(r, DISCRETE).passed).toBe(false);
  });

  it('when a rejected step records the proposal then the one-step check says to record the current state', async () => {
    const r = await grade('metropolis-hastings', wrongSubmission('metropolis-hastings', 'records-proposal'));
    expect(check(r, ONE).passed, summary(r)).toBe(false);
    expect(check(r, ONE).hint).toMatch(/stay at x and record x again/);
    expect(check(r, DISCRETE).passed).toBe(false);
    expect(check(r, CONTINUOUS).passed).toBe(false);
  });
});
