import { describe, expect, it } from 'vitest';
import { grade, summary } from '../grading.ts';
import { alternativeSubmission, listAlternatives } from './alternatives.ts';

// SEEDS=1,2 and ALTERNATIVES=sgd,adam narrow the run (default: every fixture, seeds 1..5).
const SEEDS = process.env.SEEDS ? process.env.SEEDS.split(',').map(Number) : [1, 2, 3, 4, 5];

describe('correct-but-different submissions get full marks under seeds 1..5', () => {
  for (const a of listAlternatives()) {
    for (const seed of SEEDS) {
      it(`${a.id}/${a.name}, seed ${seed}`, async () => {
        const r = await grade(a.id, alternativeSubmission(a), seed);
        expect(r.score, `seed ${seed}:\n${summary(r)}`).toBe(r.maxScore);
      });
    }
  }
});
