import { describe, expect, it } from 'vitest';
import { check, grade, referenceSubmission, stubSubmission, summary, wrongSubmission } from '../grading.ts';

const ID = 'gan';
const RING = 'GAN covers the 8-Gaussian ring';

describe(ID, () => {
  it('when the reference is submitted then it gets full marks', async () => {
    const r = await grade(ID, referenceSubmission(ID));
    expect(r.score, summary(r)).toBe(r.maxScore);
    expect(check(r, RING).message).toMatch(/^modes covered [78] of 8 .* high-quality samples \d+\.\d% ≥ threshold/);
    expect(check(r, RING).message).not.toMatch(/leaked/);
  }, 300_000); // two ~60 s trainings on a cold reference cache, one when it is warm

  it('when the stub is submitted then every check says "not implemented yet" and scores zero', async () => {
    const r = await grade(ID, stubSubmission(ID));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toBe('not implemented yet');
  });

  it('when the losses take log(sigmoid(x)) then the values and gradients fail at large logits with the softplus hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'log-of-sigmoid'));
    for (const name of ['discriminator loss values', 'generator loss values']) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).message).toMatch(/σ saturates/);
      expect(check(r, name).hint).toMatch(/softplus/);
    }
    expect(check(r, 'discriminator loss gradient w.r.t. both logits').passed).toBe(false);
    expect(check(r, RING).message).toBe('not implemented yet');
  });

  it('when the discriminator loss sums and the generator forms are swapped then each fails with its hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'forms-swapped'));
    expect(check(r, 'discriminator loss values').passed).toBe(false);
    expect(check(r, 'discriminator loss values').hint).toMatch(/take the mean/);
    expect(check(r, 'generator loss values').passed).toBe(false);
    expect(check(r, 'generator loss values').hint).toMatch(/two generator losses swapped/);
    expect(check(r, 'generator loss gradient w.r.t. the logits').hint).toMatch(/two generator losses swapped/);
    expect(r.score).toBe(0);
  });
});
