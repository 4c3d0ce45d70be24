import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const ID = 'cvae';
const ELBO = 'test ELBO given the labels, binarised MNIST';
const SAMPLES = 'samples for label y are classified as y';

describe(ID, () => {
  it('when the decoder ignores its label then its samples are not classified as their label, with the hint to use it', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'decoder-ignores-label'));
    expect(check(r, SAMPLES).passed, summary(r)).toBe(false);
    expect(check(r, SAMPLES).hint).toMatch(/decoder must use its label input/);
    expect(check(r, ELBO).passed).toBe(false);
  }, 300_000);

  it('when the encoder does not take the label then both checks say what inputs it must have', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'unconditional-encoder'));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toMatch(/the encoder must take two inputs, images \[null, 784\] and the label \[null, 10\], but its input shape is \[null, 784\]/);
  });

  it('when the encoder takes y but never reads it then only the label check fails, naming the rule', async () => {
    const r = await grade('cvae', wrongSubmission('cvae', 'encoder-ignores-label'));
    const c = check(r, 'encoder and decoder outputs change with the label');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/^encoder: .*changing only the label left the outputs exactly the same.*Both networks must use y/);
    expect(r.score).toBe(r.maxScore - 1);
  }, 300_000);

  it('when the initialisers are seeded from a constant then the seed check fails, naming the rule', async () => {
    const r = await grade('cvae', wrongSubmission('cvae', 'constant-seed'));
    expect(check(r, 'the same seed builds the same model, another seed another').message, summary(r)).toMatch(/the seed is ignored.*Seed every initializer from `seed`/);
    expect(r.score).toBe(r.maxScore - 1);
  }, 300_000);
});
