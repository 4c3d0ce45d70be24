import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../../grader/grade/grade-exercise.ts';
import { check, grade, referenceSubmission, summary, wrongSubmission } from '../grading.ts';

const MNIST = 'a GAN on MNIST makes digits the classifier recognises';

// About 3 minutes a seed on 2 cores (the reference trains the ring and the MNIST GAN once as the
// student and once as the reference).
describe('gan, many seeds', () => {
  it('when the reference is graded under seeds 1..20 then it never fails', async () => {
    const dir = referenceSubmission('gan');
    for (let seed = 1; seed <= 20; seed++) {
      const r = await grade('gan', dir, seed);
      expect(r.score, `seed ${seed}:\n${summary(r)}`).toBe(r.maxScore);
    }
  });

  // In the slow suite to keep gan.test.ts near 2 minutes: one more MNIST training (~20 s quiet).
  it('when the generator loss has the wrong sign then the MNIST GAN collapses and fails with the sign hint', async () => {
    const imagesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gan-images-'));
    const r = await gradeExercise('gan', { submissionDir: wrongSubmission('gan', 'generator-sign'), backend: 'wasm', seed: 1, imagesDir });
    expect(check(r, 'generator loss values').passed).toBe(false);
    expect(check(r, 'generator loss values').hint).toMatch(/wrong sign/);
    expect(check(r, MNIST).passed, check(r, MNIST).message).toBe(false);
    expect(check(r, MNIST).hint).toMatch(/sign/);
    expect(check(r, MNIST).images).toHaveLength(1);
  }, 300_000);
});
