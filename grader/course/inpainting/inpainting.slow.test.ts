import { describe, expect, it } from 'vitest';
import { grade, referenceSubmission, summary } from '../../../test/grading.ts';

// About 18 s a seed on 2 cores (the grader's VAE trains once for the student and once for the reference); 20 seeds took 6.1 min, load ~3.
describe('inpainting, many seeds', () => {
  it('when the reference is graded under seeds 1..20 then it never fails', async () => {
    const dir = referenceSubmission('inpainting');
    for (let seed = 1; seed <= 20; seed++) {
      const r = await grade('inpainting', dir, seed);
      expect(r.score, `seed ${seed}:\n${summary(r)}`).toBe(r.maxScore);
    }
  });
});
