import { describe, expect, it } from 'vitest';
import { check, grade, submissionWith, summary, wrongSubmission } from '../../../test/grading.ts';

/** |θ| written as θ·sign(θ): its gradient at θ = 0 is 0 where tf.abs gives −1; both are subgradients. */
const SIGN_FORM = `import * as tf from '@tensorflow/tfjs';
const total = (ps: tf.Tensor[], f: (p: tf.Tensor) => tf.Tensor) => ps.reduce<tf.Scalar>((a, p) => a.add(f(p).sum()), tf.scalar(0));
export const l1Penalty = (params: tf.Tensor[], lambda: number) => tf.tidy(() => total(params, (p) => p.mul(p.sign())).mul(lambda));
export const l2Penalty = (params: tf.Tensor[], lambda: number) => tf.tidy(() => total(params, (p) => p.mul(p)).mul(lambda));
`;

describe('regularization', () => {
  it('when L2 has the textbook ½ then the L2 checks fail with the ½ hint and L1 still passes', async () => {
    const r = await grade('regularization', wrongSubmission('regularization', 'l2-half'));
    expect(check(r, 'L2 penalty').passed, summary(r)).toBe(false);
    expect(check(r, 'L2 penalty').hint).toMatch(/no ½/);
    expect(check(r, 'L2 gradient').passed).toBe(false);
    expect(check(r, 'L2 gradient').hint).toMatch(/no ½/);
    expect(check(r, 'L1 penalty').passed).toBe(true);
    expect(check(r, 'L1 gradient').passed).toBe(true);
  });

  it('when L1 has no absolute value then the L1 checks fail with the abs hint', async () => {
    const r = await grade('regularization', wrongSubmission('regularization', 'l1-no-abs'));
    expect(check(r, 'L1 penalty').passed, summary(r)).toBe(false);
    expect(check(r, 'L1 penalty').hint).toMatch(/tf\.abs/);
    expect(check(r, 'L1 gradient').passed).toBe(false);
    expect(check(r, 'L2 penalty').passed).toBe(true);
  });

  it('when lambda is ignored then every check fails with the lambda hint', async () => {
    const r = await grade('regularization', wrongSubmission('regularization', 'lambda-ignored'));
    expect(r.score, summary(r)).toBe(0);
    for (const c of r.checks) expect(c.hint).toMatch(/multiply the sum by lambda/);
  });

  it('when |θ| is written as √(θ²) then the values pass but the L1 gradient fails with NaN at θ = 0', async () => {
    const r = await grade('regularization', wrongSubmission('regularization', 'l1-sqrt-square'));
    expect(check(r, 'L1 penalty').passed, summary(r)).toBe(true);
    expect(check(r, 'L1 gradient').passed).toBe(false);
    expect(check(r, 'L1 gradient').message).toMatch(/NaN at 0\.\d\[/);
  });

  it('when |θ| is written as θ·sign(θ) then its other subgradient at θ = 0 is accepted', async () => {
    const r = await grade('regularization', submissionWith('regularization', SIGN_FORM));
    expect(r.score, summary(r)).toBe(r.maxScore);
  });
});
