import { describe, expect, it } from 'vitest';
import { grade, referenceSubmission, summary } from '../../../test/grading.ts';

// About 19 s a seed on 2 cores (the reference trains once as the student and once as the reference); 20 seeds took 6.4 min, load ~3.
describe('vae, many seeds', () => {
  it('when the reference is graded under seeds 1..20 then it never fails', async () => {
    const dir = referenceSubmission('vae');
    for (let seed = 1; seed <= 20; seed++) {
      const r = await grade('vae', dir, seed);
      expect(r.score, `seed ${seed}:\n${summary(r)}`).toBe(r.maxScore);
    }
  });
});
