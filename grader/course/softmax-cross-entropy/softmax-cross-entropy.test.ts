import { describe, expect, it } from 'vitest';
import { check, grade, submissionWith, summary, wrongSubmission } from '../../../test/grading.ts';

const ID = 'softmax-cross-entropy';

describe(ID, () => {
  it('when a different but correct formulation is submitted (softmax through log-softmax, a label mask from tf.equal) then it gets full marks', async () => {
    const source = `
      import * as tf from '@tensorflow/tfjs';
      function logSoftmax(x: tf.Tensor2D): tf.Tensor2D {
        const m = tf.max(x, -1, true);
        return tf.sub(tf.sub(x, m), tf.log(tf.sum(tf.exp(tf.sub(x, m)), -1, true))) as tf.Tensor2D;
      }
      export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
        return tf.tidy(() => tf.exp(logSoftmax(logits)) as tf.Tensor2D);
      }
      export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
        return tf.tidy(() => {
          const [n, k] = logits.shape;
          const mask = tf.cast(tf.equal(tf.expandDims(tf.range(0, k, 1, 'int32'), 0), tf.expandDims(labels, 1)), 'float32');
          return tf.div(tf.neg(tf.sum(tf.mul(logSoftmax(logits), mask))), n) as tf.Scalar;
        });
      }
    `;
    const r = await grade(ID, submissionWith(ID, source));
    expect(r.score, summary(r)).toBe(r.maxScore);
  });

  it('when softmax skips the max shift then it is NaN at ±1000 and the softmax checks fail with the overflow hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'no-max-shift'));
    for (const name of ['softmax values', 'softmax gradient w.r.t. logits']) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).message).toMatch(/NaN/);
      expect(check(r, name).hint).toMatch(/without subtracting the row maximum/);
    }
    expect(check(r, 'cross-entropy values').passed, summary(r)).toBe(true);
    expect(r.score).toBeLessThan(r.maxScore);
  });

  it('when the loss is summed over the batch then the cross-entropy checks fail with the mean hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'sum-not-mean'));
    for (const name of ['cross-entropy values', 'cross-entropy gradient w.r.t. logits']) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).message).toMatch(/expected .*, got /);
      expect(check(r, name).hint).toMatch(/mean over the N examples/);
    }
    expect(check(r, 'softmax values').passed).toBe(true);
  });

  it('when the loss is log(softmax(x)) then it fails where the true class is far below the max, with the log-softmax hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'log-of-softmax'));
    expect(check(r, 'cross-entropy values').passed, summary(r)).toBe(false);
    expect(check(r, 'cross-entropy values').hint).toMatch(/log\(softmax\(x\)\)/);
    expect(check(r, 'cross-entropy gradient w.r.t. logits').passed).toBe(false);
  });

  it('when tf.softmax and tf.losses are used then the values pass but both api checks fail', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'uses-tf-softmax'));
    for (const name of ['softmax values', 'cross-entropy values', 'softmax gradient w.r.t. logits', 'cross-entropy gradient w.r.t. logits']) {
      expect(check(r, name).passed, summary(r)).toBe(true);
    }
    const sm = check(r, 'softmax uses no built-in softmax');
    expect(sm.passed).toBe(false);
    expect(sm.message).toMatch(/tf\.softmax/);
    expect(sm.message).toMatch(/kernel Softmax/);
    const ce = check(r, 'crossEntropy uses no built-in softmax or loss');
    expect(ce.passed).toBe(false);
    expect(ce.message).toMatch(/tf\.losses/);
    expect(r.score).toBe(r.maxScore - 2);
  });

  it('when the cross-entropy is log(softmax + ε) then both cross-entropy checks fail with the ε hint, not the log(softmax) one', async () => {
    const r = await grade('softmax-cross-entropy', wrongSubmission('softmax-cross-entropy', 'log-softmax-plus-eps'));
    for (const name of ['cross-entropy values', 'cross-entropy gradient w.r.t. logits']) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).hint).toMatch(/log\(softmax\(x\) \+ ε\)/);
      expect(check(r, name).hint).not.toMatch(/log\(0\) = −∞/);
    }
  });
});
