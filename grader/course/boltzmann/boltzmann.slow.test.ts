import { describe, expect, it } from 'vitest';
import { grade, referenceSubmission, summary } from '../../../test/grading.ts';

describe('boltzmann, many seeds', () => {
  it('when the reference is graded under seeds 1..20 then it never fails', async () => {
    const dir = referenceSubmission('boltzmann');
    for (let seed = 1; seed <= 20; seed++) {
      const r = await grade('boltzmann', dir, seed);
      expect(r.score, `seed ${seed}:\n${summary(r)}`).toBe(r.maxScore);
    }
  });
});
