import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const ID = 'beta-vae';
const ELBO = 'β = 1: test ELBO on binarised MNIST';

describe(ID, () => {
  it('when the decoder ends in a sigmoid then the test ELBO falls far below the reference with the logits hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'sigmoid-decoder'));
    expect(check(r, ELBO).passed, summary(r)).toBe(false);
    expect(check(r, ELBO).message).toMatch(/< threshold/);
    expect(check(r, ELBO).hint).toMatch(/decoder outputs logits/);
  }, 300_000);

  it('when the encoder outputs only μ then both checks say what shape it must have', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'mu-only-encoder'));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toMatch(/the encoder must output \[null, 32\] \(μ then log σ², latentDim = 16\), but its output shape is \[null, 16\]/);
  });
});
