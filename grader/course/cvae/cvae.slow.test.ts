import { describe, expect, it } from 'vitest';
import { grade, referenceSubmission, summary } from '../../../test/grading.ts';

// About 37 s a seed on 2 cores (two trainings per side: the ELBO check and the samples check); 20 seeds took 12.3 min, load ~3.
describe('cvae, many seeds', () => {
  it('when the reference is graded under seeds 1..20 then it never fails', async () => {
    const dir = referenceSubmission('cvae');
    for (let seed = 1; seed <= 20; seed++) {
      const r = await grade('cvae', dir, seed);
      expect(r.score, `seed ${seed}:\n${summary(r)}`).toBe(r.maxScore);
    }
  });
});
