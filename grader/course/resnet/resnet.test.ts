import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const VALUES = 'residual block values';
const GRADIENT = 'residual block gradient w.r.t. x, w1, b1, w2 and b2';
const ACCURACY = "trains to the reference's accuracy on MNIST";
const STRUCTURE = 'the model has a residual block: tf.layers.add of x and what convolutions made of it';

describe('resnet', () => {
  it('when the block has no skip connection then its checks fail with the skip hint', async () => {
    const r = await grade('resnet', wrongSubmission('resnet', 'no-skip'));
    for (const name of [VALUES, GRADIENT]) {
      expect(check(r, name).passed, name).toBe(false);
      expect(check(r, name).hint, name).toMatch(/without the skip connection.*add the input back/);
    }
    expect(check(r, VALUES).message).toMatch(/expected .*, got /);
    expect(check(r, ACCURACY).message).toBe('not implemented yet');
    expect(r.score).toBe(0);
  });

  it('when the ReLU comes after the addition then the value check fails with the ReLU-placement hint', async () => {
    const r = await grade('resnet', wrongSubmission('resnet', 'relu-after-add'));
    expect(check(r, VALUES).passed).toBe(false);
    expect(check(r, VALUES).hint).toMatch(/ReLU moved after the addition.*between the two convolutions/);
    expect(r.score).toBe(0);
  });

  it('when the model forgets to flatten then the block scores and the accuracy check fails before training, naming the shape', async () => {
    const r = await grade('resnet', wrongSubmission('resnet', 'no-flatten-model'));
    expect(check(r, VALUES).passed, summary(r)).toBe(true);
    expect(check(r, GRADIENT).passed, summary(r)).toBe(true);
    expect(check(r, ACCURACY).passed).toBe(false);
    expect(check(r, ACCURACY).message).toMatch(/buildResNet's model must output 10 logits.*but its output shape is \[null, 7, 7, 10\]/);
    expect(check(r, STRUCTURE).passed).toBe(true); // it has its residual blocks
    expect(r.score).toBe(r.maxScore - 4 - 1); // the accuracy check, and its unseeded initializers
  });

  it('when the blocks lose their add (a plain CNN that still trains) or add two parallel branches then the structure check says there is no residual connection', async () => {
    for (const [name, said] of [['blocks-without-add', /lacks a tf\.layers\.add layer \(it has 0\)/], ['add-of-parallel-branches', /neither of which is computed from the other/]] as const) {
      // Only the structure and value checks are looked at: the training is cut short.
      const r = await grade('resnet', wrongSubmission('resnet', name), 1, 15);
      const c = check(r, STRUCTURE);
      expect(c.passed, summary(r)).toBe(false);
      expect(c.message).toMatch(said);
      expect(c.message).toMatch(/README: "with at least one residual block made of layers"/);
      expect(check(r, VALUES).passed).toBe(true);
    }
  }, 600_000);

  it('when the block is pre-activation (a ReLU on x first) then the block checks fail with that hint, not the ReLU-placement one', async () => {
    const r = await grade('resnet', wrongSubmission('resnet', 'pre-activation-block'));
    for (const name of [VALUES, GRADIENT]) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).hint).toMatch(/pre-activation block/);
      expect(check(r, name).hint).not.toMatch(/ReLU moved after the addition/);
    }
  });

  it('when each residual branch ends in a convolution frozen at zero (x + 0) then the accuracy check fails before training and names the frozen and the dead kernels; the rest passes', async () => {
    const r = await grade('resnet', wrongSubmission('resnet', 'residual-branch-frozen-zero'));
    const c = check(r, ACCURACY);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/block1_conv2\/kernel is frozen \(trainable: false\).*block1_conv1\/kernel gets no gradient from the loss/);
    for (const name of [VALUES, GRADIENT, STRUCTURE]) expect(check(r, name).passed, name).toBe(true);
  });
});
