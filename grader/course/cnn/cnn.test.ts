import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';

const ACCURACY = "trains to the reference's accuracy on MNIST";

describe('cnn', () => {
  it('when the model takes flat [784] rows then it fails before training and says which input shape it needs', async () => {
    const r = await grade('cnn', wrongSubmission('cnn', 'flat-input'));
    expect(check(r, ACCURACY).passed).toBe(false);
    expect(check(r, ACCURACY).message).toMatch(/input shape \[null, 28, 28, 1\].*but its input shape is \[null, 784\]/);
  });

  it('when the model forgets to flatten then it fails before training and names the output shape', async () => {
    const r = await grade('cnn', wrongSubmission('cnn', 'no-flatten'));
    expect(check(r, ACCURACY).passed).toBe(false);
    expect(check(r, ACCURACY).message).toMatch(/output shape \[null, 10\].*flatten.*but its output shape is \[null, 5, 5, 10\]/);
  });

  it('when every layer is frozen then it fails before training: no trainable weights', async () => {
    const r = await grade('cnn', wrongSubmission('cnn', 'all-frozen'));
    expect(check(r, ACCURACY).passed).toBe(false);
    expect(check(r, ACCURACY).message).toMatch(/no trainable weights/);
  });

  // The one wrong model that trains for the whole budget (4 epochs, ~20–80 s).
  it('when the output layer is frozen at zero then the logits are constant and the accuracy check fails at chance', async () => {
    const r = await grade('cnn', wrongSubmission('cnn', 'constant-output'));
    expect(check(r, ACCURACY).passed).toBe(false);
    const c = check(r, ACCURACY);
    expect(c.message).toMatch(/^test accuracy (\d|1\d)\.\d% < threshold 9\d\.\d% \(reference 9\d\.\d% − margin 3\.0%\)/);
    expect(c.leakedTensors ?? 0).toBe(0);
  }, 600_000);

  it('when the convolutions have no ReLU then the structure check names the rule (the model may still train)', async () => {
    // Only the structure check is looked at: the training is cut short.
    const r = await grade('cnn', wrongSubmission('cnn', 'convs-without-relu'), 1, 15);
    const c = check(r, 'the model has convolution, ReLU, max pooling, flatten and a linear dense output');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/lacks a ReLU on every tf\.layers\.conv2d layer.*README: "Use `tf\.layers\.conv2d` \(with `activation: 'relu'`\)/);
  }, 600_000);
});
