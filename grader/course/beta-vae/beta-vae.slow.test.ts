import { describe, expect, it } from 'vitest';
import { grade, referenceSubmission, summary } from '../../../test/grading.ts';

// About 35 s a seed on 2 cores (four trainings per side: one at β = 1, three for the sweep); 20 seeds took 11.5 min, load ~3.
describe('beta-vae, many seeds', () => {
  it('when the reference is graded under seeds 1..20 then it never fails', async () => {
    const dir = referenceSubmission('beta-vae');
    for (let seed = 1; seed <= 20; seed++) {
      const r = await grade('beta-vae', dir, seed);
      expect(r.score, `seed ${seed}:\n${summary(r)}`).toBe(r.maxScore);
    }
  });
});
