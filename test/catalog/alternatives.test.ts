import { describe, expect, it } from 'vitest';
import { grade, summary } from '../grading.ts';
import { alternativeSubmission, listAlternatives, TRAINING_HEAVY } from './alternatives.ts';

// Every correct-but-different submission under grader/course/<id>/correct/ gets full marks at
// seed 1 on the default backend (the slow suite runs seeds 1..5: alternatives.slow.test.ts);
// those of exercises that train for minutes (TRAINING_HEAVY) run in the slow suite only.
describe('correct-but-different submissions get full marks (seed 1)', () => {
  for (const a of listAlternatives().filter((x) => !TRAINING_HEAVY.has(x.id))) {
    it(`${a.id}/${a.name}: ${a.what}`, async () => {
      const r = await grade(a.id, alternativeSubmission(a), 1);
      expect(r.score, summary(r)).toBe(r.maxScore);
    });
  }
});
