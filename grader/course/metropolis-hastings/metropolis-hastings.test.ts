import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const ONE = 'acceptance probability, one step from known states';
const DISCRETE = '5-state target, symmetric and asymmetric proposals';
const CONTINUOUS = 'mixture of Gaussians and banana, symmetric and asymmetric proposals';
const SEED = 'the same seed gives the same chains, another seed other chains';

describe('metropolis-hastings', () => {
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

  it('when every chain compares with one shared uniform then the one-step check says so, and no Hastings-factor hint', async () => {
    const r = await grade('metropolis-hastings', wrongSubmission('metropolis-hastings', 'shared-uniform'));
    expect(check(r, ONE).passed, summary(r)).toBe(false);
    expect(check(r, ONE).hint).toMatch(/same accept\/reject decision.*one u per chain/);
    for (const c of r.checks) expect(c.hint ?? '').not.toMatch(/Hastings correction/);
  });

  it('when samples[t] records the state before step t then the one-step check says so, and no Hastings-factor hint', async () => {
    const r = await grade('metropolis-hastings', wrongSubmission('metropolis-hastings', 'records-state-before-step'));
    expect(check(r, ONE).passed, summary(r)).toBe(false);
    expect(check(r, ONE).hint).toMatch(/records the state before step t/);
    for (const c of r.checks) expect(c.hint ?? '').not.toMatch(/Hastings correction/);
  });

  it('when the seed is ignored then the seed check fails naming the rule', async () => {
    const r = await grade('metropolis-hastings', wrongSubmission('metropolis-hastings', 'ignores-seed'));
    expect(check(r, SEED).passed, summary(r)).toBe(false);
    expect(check(r, SEED).message).toMatch(/changing only the seed left the results exactly the same.*Use a fresh seed for every draw/);
    expect(r.score).toBe(r.maxScore - 1);
  });

  it('each known mistake gets its own one-step hint and no other mistake\'s', async () => {
    const hints: Record<string, RegExp> = {
      'missing-correction': /left out/, 'correction-upside-down': /upside down/, 'accepts-too-often': /√A instead of A/,
      'records-proposal': /recorded its proposal/, 'shared-uniform': /one u per chain/, 'records-state-before-step': /state before step t/,
    };
    for (const [name, own] of Object.entries(hints)) {
      const hint = check(await grade('metropolis-hastings', wrongSubmission('metropolis-hastings', name)), ONE).hint ?? '';
      expect(hint, name).toMatch(own);
      for (const [other, re] of Object.entries(hints)) if (other !== name) expect(hint, `${name} got ${other}'s hint`).not.toMatch(re);
    }
  });

  it('when the accepted count is overwritten every step then the one-step check passes and both multi-step checks fail on acceptRate', async () => {
    const r = await grade('metropolis-hastings', wrongSubmission('metropolis-hastings', 'accepted-count-overwritten'));
    expect(check(r, ONE).passed, summary(r)).toBe(true);
    for (const name of [DISCRETE, CONTINUOUS]) {
      const c = check(r, name);
      expect(c.passed, name).toBe(false);
      expect(c.message).toMatch(/acceptRate is .*, but the chains moved in \d+ of the/);
      expect(c.hint).toMatch(/count the accepted proposals of every step and every chain/);
    }
  });
});
