import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseFiles } from '../files.ts';
import { check, grade, submissionWith, summary, wrongSubmission } from '../../../test/grading.ts';

describe('augmentation', () => {
  it('when a correct answer is written differently (JS loops, tf.image.transform) then it also gets full marks', async () => {
    const source = fs.readFileSync(path.join(courseFiles.correct('augmentation'), 'augmentation.ts'), 'utf8');
    const r = await grade('augmentation', submissionWith('augmentation', source));
    expect(r.score, summary(r)).toBe(r.maxScore);
  });


  it('when rows are flipped, shifts go backwards, rotation is clockwise and the variance is the std then each check names it', async () => {
    const r = await grade('augmentation', wrongSubmission('augmentation', 'typical-mistakes'));
    expect(check(r, 'horizontal flip').hint).toMatch(/vertical flip/);
    expect(check(r, 'shift').hint).toMatch(/positive dy moves it down/);
    expect(check(r, 'rotation').hint).toMatch(/clockwise/);
    const noise = check(r, 'noise statistics');
    expect(noise.passed).toBe(false);
    expect(noise.hint).toMatch(/standard deviation std²/);
    expect(check(r, 'noise determinism by seed').passed).toBe(true);
  });

  it('when addNoise writes the noise into x\'s own data (dataSync) then the noise check fails naming the rule "do not modify the inputs"', async () => {
    const r = await grade('augmentation', wrongSubmission('augmentation', 'noise-into-input'));
    const c = check(r, 'noise statistics');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/addNoise wrote into its argument 1's data.*do not modify the inputs/);
    expect(c.hint).toBeUndefined();
  });

  it('when the rotation turns about (H/2, W/2) or clamps its borders then the rotation check fails with that hint and no other', async () => {
    for (const [name, own, other] of [['rotation-wrong-centre', /about \(H\/2, W\/2\)/, /nearest edge pixel/], ['rotation-clamped-borders', /nearest edge pixel/, /about \(H\/2, W\/2\)/]] as const) {
      const r = await grade('augmentation', wrongSubmission('augmentation', name));
      const c = check(r, 'rotation');
      expect(c.passed, summary(r)).toBe(false);
      expect(c.hint).toMatch(own);
      expect(c.hint).not.toMatch(other);
      expect(check(r, 'shift').passed).toBe(true);
    }
  });

  it('when the noise is uniform with the right variance then the noise check fails on its shape (Kolmogorov–Smirnov) and says to draw Gaussian noise', async () => {
    const r = await grade('augmentation', wrongSubmission('augmentation', 'uniform-noise'));
    const c = check(r, 'noise statistics');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/the right mean and spread, but not the shape/);
    expect(c.hint).toMatch(/tf\.randomNormal/);
    expect(r.score).toBe(r.maxScore - 1);
  });
});
