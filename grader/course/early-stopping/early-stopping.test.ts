import { describe, expect, it } from 'vitest';
import { check, grade, submissionWith, summary, wrongSubmission } from '../../../test/grading.ts';

/** A correct answer that writes the comparison as best − loss > minDelta and counts epochs differently. */
const OTHER_FORM = `export function earlyStopping(valLosses: number[], patience: number, minDelta: number) {
  let best = valLosses[0]!;
  let bestEpoch = 0;
  for (let e = 1; e < valLosses.length; e++) {
    if (best - valLosses[e]! > minDelta) {
      best = valLosses[e]!;
      bestEpoch = e;
    } else if (e - bestEpoch >= patience) {
      return { stopEpoch: e, bestEpoch };
    }
  }
  return { stopEpoch: valLosses.length - 1, bestEpoch };
}
`;

describe('early-stopping', () => {
  it('when the comparison is written another correct way then it gets full marks', async () => {
    const r = await grade('early-stopping', submissionWith('early-stopping', OTHER_FORM));
    expect(r.score, summary(r)).toBe(r.maxScore);
  });

  it('when minDelta is ignored then only the minDelta check fails, with the minDelta hint', async () => {
    const r = await grade('early-stopping', wrongSubmission('early-stopping', 'min-delta-ignored'));
    expect(check(r, 'minDelta').passed, summary(r)).toBe(false);
    expect(check(r, 'minDelta').hint).toMatch(/minDelta ignored/);
    expect(check(r, 'loss curves').passed).toBe(true);
    expect(check(r, 'edge cases').passed).toBe(true);
  });

  it('when training stops one epoch late then every check fails with the patience hint', async () => {
    const r = await grade('early-stopping', wrongSubmission('early-stopping', 'stop-one-epoch-late'));
    expect(r.score, summary(r)).toBe(0);
    for (const c of r.checks) expect(c.hint).toMatch(/one epoch late/);
    expect(check(r, 'loss curves').message).toMatch(/stopEpoch: expected \d+, got \d+/);
  });

  it('when an equal loss counts as an improvement then the plateau case fails with the strict-< hint', async () => {
    const r = await grade('early-stopping', wrongSubmission('early-stopping', 'improves-on-equal'));
    expect(check(r, 'loss curves').passed, summary(r)).toBe(false);
    expect(check(r, 'loss curves').message).toMatch(/plateau/);
    expect(check(r, 'loss curves').hint).toMatch(/strict </);
  });

  it('when bestEpoch is the lowest loss then the minDelta check fails with the bestEpoch hint', async () => {
    const r = await grade('early-stopping', wrongSubmission('early-stopping', 'best-is-argmin'));
    expect(check(r, 'minDelta').passed, summary(r)).toBe(false);
    expect(check(r, 'minDelta').message).toMatch(/bestEpoch/);
    expect(check(r, 'minDelta').hint).toMatch(/last epoch that improved/);
  });
});
