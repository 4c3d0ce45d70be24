import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

describe('sgd', () => {
  it('when the step goes uphill then the output checks fail with the sign hint', async () => {
    const r = await grade('sgd', wrongSubmission('sgd', 'adds-gradient'));
    expect(check(r, 'one step').passed).toBe(false);
    expect(check(r, 'one step').hint).toMatch(/subtract the gradient/);
    expect(check(r, 'one step').message).toMatch(/expected .*, got /);
    expect(check(r, 'trains an MLP on MNIST').passed).toBe(false);
  });

  it('when the learning rate is ignored then the output checks fail with the lr hint', async () => {
    const r = await grade('sgd', wrongSubmission('sgd', 'ignores-lr'));
    expect(check(r, 'one step').passed).toBe(false);
    expect(check(r, 'one step').hint).toMatch(/learning rate/);
    expect(r.score).toBeLessThan(r.maxScore);
  });

  it('when the step writes its new tensors into the caller\'s params array then the one-step check fails naming the rule', async () => {
    const r = await grade('sgd', wrongSubmission('sgd', 'updates-params-array'));
    expect(check(r, 'one step').message, summary(r)).toMatch(/sgdStep changed an array inside its argument 1 in place.*do not modify the inputs/);
    expect(check(r, 'one step').hint).toBeUndefined();
  });
});
