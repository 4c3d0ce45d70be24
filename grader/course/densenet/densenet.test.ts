import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const BLOCK = 'dense block values and channel count';
const BLOCK_GRADIENT = "dense block gradient w.r.t. x and every layer's w and b";
const TRANSITION = 'transition values';
const TRANSITION_GRADIENT = 'transition gradient w.r.t. x, w and b';
const ACCURACY = "trains to the reference's accuracy on MNIST";

describe('densenet', () => {
  it('when the new maps are concatenated first then the block checks fail with the order hint and the transition passes', async () => {
    const r = await grade('densenet', wrongSubmission('densenet', 'concat-new-first'));
    for (const name of [BLOCK, BLOCK_GRADIENT]) {
      expect(check(r, name).passed, name).toBe(false);
      expect(check(r, name).hint, name).toMatch(/new feature maps first.*input's channels first/);
    }
    expect(check(r, TRANSITION).passed, summary(r)).toBe(true);
    expect(check(r, TRANSITION_GRADIENT).passed, summary(r)).toBe(true);
    expect(check(r, ACCURACY).message).toBe('not implemented yet');
  });

  it('when only the last layer\'s output is returned then the block check names the shape and hints at the concatenation', async () => {
    const r = await grade('densenet', wrongSubmission('densenet', 'last-output-only'));
    const c = check(r, BLOCK);
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/shape/);
    expect(c.hint).toMatch(/last layer's relu\(conv\(·\)\) alone/);
  });

  it('when the transition max-pools and the model lacks the channel axis then those checks fail with a hint and a shape message', async () => {
    const r = await grade('densenet', wrongSubmission('densenet', 'transition-max-pool'));
    expect(check(r, BLOCK).passed, summary(r)).toBe(true);
    expect(check(r, TRANSITION).passed).toBe(false);
    expect(check(r, TRANSITION).hint).toMatch(/averages each 2×2 window/);
    expect(check(r, ACCURACY).passed).toBe(false);
    expect(check(r, ACCURACY).message).toMatch(/input shape \[null, 28, 28, 1\].*but its input shape is \[null, 28, 28\]/);
  });

  it('when the blocks pass on only the new maps (no concatenation) then the structure check says the dense connection is missing', async () => {
    // Only the structure check is looked at: the training is cut short.
    const r = await grade('densenet', wrongSubmission('densenet', 'blocks-without-concat'), 1, 15);
    const c = check(r, 'the model has a dense block (tf.layers.concatenate of x and a convolution of it) and an average-pooling transition');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/lacks a tf\.layers\.concatenate layer \(it has 0\).*a dense connection.*README: "with at least one dense block and one transition made of layers"/);
  }, 600_000);

  it('when the ReLU covers the whole concatenation then the block checks fail with that hint', async () => {
    const r = await grade('densenet', wrongSubmission('densenet', 'relu-over-concatenation'));
    for (const name of [BLOCK, BLOCK_GRADIENT]) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).hint).toMatch(/the ReLU applied to the whole concatenation/);
    }
    expect(check(r, TRANSITION).passed).toBe(true);
  });

  it('when the dense block concatenates x with a zero-initialised ReLU convolution (a constant branch) then the accuracy check fails before training and names the dead kernel', async () => {
    const r = await grade('densenet', wrongSubmission('densenet', 'dense-branch-dead'));
    const c = check(r, ACCURACY);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/never reach the logits: conv2d_Conv2D\d+\/kernel gets no gradient from the loss/);
    for (const name of [BLOCK, TRANSITION]) expect(check(r, name).passed, name).toBe(true);
  });
});
