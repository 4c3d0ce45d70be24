import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const ID = 'mlp';
const CHECK = 'trains to the reference\'s accuracy on MNIST';

describe(ID, () => {
  it('when the model outputs a constant then it falls below the threshold', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'constant-output'));
    const c = check(r, CHECK);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/^test accuracy \d+\.\d% < threshold/);
  });

  it('when the model is an untrained linear model with frozen weights then it fails and the message says no weight is trainable', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'all-frozen'));
    const c = check(r, CHECK);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/no trainable weights/);
  });

  it('when the model has the wrong output size then the message names the expected and actual shapes', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'wrong-output-size'));
    const c = check(r, CHECK);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/output 10 logits/);
    expect(c.message).toContain('[null, 10]');
    expect(c.message).toContain('[null, 9]');
  });

  it('when the model takes 28×28 images instead of flat ones then the message names the input shape', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'image-input'));
    const c = check(r, CHECK);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toContain('[null, 784]');
    expect(c.message).toContain('[null, 28, 28, 1]');
  });

  it('when the hidden layer has no activation then the structure check fails naming the missing nonlinearity and the rule', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'no-nonlinearity'));
    const c = check(r, 'the model has dense layers with a nonlinearity and a linear output');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/lacks a nonlinearity between the layers.*README: "In between: one or more `tf\.layers\.dense` layers with a nonlinearity"/);
  });

  it('when the initializers are seeded from a constant then the seed check fails naming the rule, and only it', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'constant-seed'));
    expect(check(r, 'the same seed builds the same model, another seed another').message, summary(r)).toMatch(/the seed is ignored.*Seed every initializer from `seed`/);
    expect(r.score).toBe(r.maxScore - 1);
  });
});
