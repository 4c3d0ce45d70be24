import { describe, expect, it } from 'vitest';
import { check, grade, submissionWith, summary, wrongSubmission } from '../../../test/grading.ts';

/** Adam with ε inside the square root, √(v̂ + ε), as the notes write it: correct, and accepted. */
const EPS_INSIDE = `import * as tf from '@tensorflow/tfjs';
type State = { m: tf.Tensor[]; v: tf.Tensor[]; t: number };
export function adamStep(params: tf.Tensor[], grads: tf.Tensor[], state: State, hp: { lr: number; beta1: number; beta2: number; eps: number }) {
  const t = state.t + 1;
  return tf.tidy(() => {
    const m = state.m.map((m, i) => m.mul(hp.beta1).add(grads[i]!.mul(1 - hp.beta1)));
    const v = state.v.map((v, i) => v.mul(hp.beta2).add(grads[i]!.square().mul(1 - hp.beta2)));
    const mHat = m.map((x) => x.div(1 - hp.beta1 ** t));
    const vHat = v.map((x) => x.div(1 - hp.beta2 ** t));
    const next = params.map((p, i) => p.sub(mHat[i]!.mul(hp.lr).div(vHat[i]!.add(hp.eps).sqrt())));
    return { params: next, state: { m, v, t } };
  });
}
`;

describe('adam', () => {
  it('when epsilon is inside the square root then the one-step check passes as an accepted alternative', async () => {
    const r = await grade('adam', submissionWith('adam', EPS_INSIDE));
    expect(r.score, summary(r)).toBe(r.maxScore);
    // The tiny-gradient cases tell the two placements apart, so this is the variant, not the reference.
    expect(check(r, 'one step').message).toMatch(/accepted alternative/);
  });

  it('when the bias correction is left out then the one-step check fails with the bias-correction hint', async () => {
    const r = await grade('adam', wrongSubmission('adam', 'no-bias-correction'));
    expect(check(r, 'one step').passed, summary(r)).toBe(false);
    expect(check(r, 'one step').hint).toMatch(/without bias correction/);
    expect(check(r, '50-step trajectory on quadratics').passed).toBe(false);
  });

  it('when the bias correction uses state.t as the step number then the one-step check fails with the t+1 hint', async () => {
    const r = await grade('adam', wrongSubmission('adam', 'bias-correction-with-t'));
    expect(check(r, 'one step').passed, summary(r)).toBe(false);
    expect(check(r, 'one step').hint).toMatch(/1 − β\^\(t\+1\)/);
  });

  it('when the old moments are handed back then the one-step check fails with the moments hint', async () => {
    const r = await grade('adam', wrongSubmission('adam', 'moments-not-updated'));
    expect(check(r, 'one step').passed, summary(r)).toBe(false);
    expect(check(r, 'one step').message).toMatch(/state\.m/);
    expect(check(r, 'one step').hint).toMatch(/old m and v/);
  });

  it('when state.t is not incremented then the one-step check says which value', async () => {
    const r = await grade('adam', wrongSubmission('adam', 't-not-incremented'));
    expect(check(r, 'one step').passed, summary(r)).toBe(false);
    expect(check(r, 'one step').message).toMatch(/state\.t: expected 1, got 0/);
  });

  it('when the step bumps state.t in place then the one-step check fails naming the rule, with no hint about t', async () => {
    const r = await grade('adam', wrongSubmission('adam', 'state-updated-in-place'));
    expect(check(r, 'one step').message, summary(r)).toMatch(/adamStep changed an object inside its argument 3 in place.*do not modify the inputs/);
    expect(check(r, 'one step').hint).toBeUndefined();
  });
});
