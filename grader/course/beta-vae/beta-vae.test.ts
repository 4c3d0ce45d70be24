import { describe, expect, it } from 'vitest';
import { check, grade, referenceSubmission, stubSubmission, summary, wrongSubmission } from '../../../test/grading.ts';

const ID = 'beta-vae';
const ELBO = 'β = 1: test ELBO on binarised MNIST';
const SWEEP = 'the KL term falls as β grows (β = 0.5, 1, 4)';

describe(ID, () => {
  it('when the reference is submitted then it gets full marks', async () => {
    const r = await grade(ID, referenceSubmission(ID));
    expect(r.score, summary(r)).toBe(r.maxScore);
    expect(check(r, ELBO).message).toMatch(/^test ELBO -1\d\d\.\d nats ≥ threshold/);
    expect(check(r, SWEEP).message).toMatch(/^the test KL falls as β grows \(β = 0\.5: KL \d+\.\d/);
    for (const c of r.checks) expect(c.message).not.toMatch(/leaked/);
  }, 300_000); // eight ~8 s trainings on a cold reference cache (1 + 3 per side), four when it is warm

  it('when the stub is submitted then every check says "not implemented yet" and scores zero', async () => {
    const r = await grade(ID, stubSubmission(ID));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toBe('not implemented yet');
  });

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
