import { describe, expect, it } from 'vitest';
import { check, grade, submissionWith, summary, wrongSubmission } from '../../../test/grading.ts';

const ID = 'dense';
const API_CHECKS = ['dense uses no built-in layer or activation', 'sigmoid uses no built-in activation', 'tanh uses no built-in activation', 'relu uses no built-in activation'];

describe(ID, () => {
  it('when a function does no work (zeros, its input) then its no-built-in check earns nothing; a real attempt with a mistake (a naive tanh, NaN at ±1000) keeps it', async () => {
    const source = `
      import * as tf from '@tensorflow/tfjs';
      export function dense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
        return tf.zeros([x.shape[0], w.shape[1]]) as tf.Tensor2D;
      }
      export function sigmoid<T extends tf.Tensor>(x: T): T {
        return x.clone();
      }
      export function tanh<T extends tf.Tensor>(x: T): T {
        return tf.tidy(() => {
          const [a, b] = [tf.exp(x), tf.exp(tf.neg(x))];
          return tf.div(tf.sub(a, b), tf.add(a, b)) as T;
        });
      }
      export function relu<T extends tf.Tensor>(x: T): T {
        return tf.zerosLike(x);
      }
    `;
    const r = await grade(ID, submissionWith(ID, source));
    expect(API_CHECKS.map((n) => check(r, n).passed), summary(r)).toEqual([false, false, true, false]);
    expect(check(r, API_CHECKS[0]!).message).toMatch(/^dense uses none of the forbidden built-ins, but does not compute the result yet \(case .*: the output\[.*\]: expected .*, got 0 .*\): this rule's points go to a function that does the work/);
    expect(check(r, 'tanh values').passed).toBe(false);
  });

  it('when other correct formulations are submitted (2σ(2x) − 1, tf.maximum(x, 0)) then they get full marks', async () => {
    const source = `
      import * as tf from '@tensorflow/tfjs';
      export function dense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
        return tf.tidy(() => tf.add(tf.matMul(x, w), tf.reshape(b, [1, -1])) as tf.Tensor2D);
      }
      export function sigmoid<T extends tf.Tensor>(x: T): T {
        return tf.tidy(() => {
          const pos = tf.greaterEqual(x, 0);
          const e = tf.exp(tf.where(pos, tf.neg(x), x));
          return tf.where(pos, tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e))) as T;
        });
      }
      export function tanh<T extends tf.Tensor>(x: T): T {
        return tf.tidy(() => tf.sub(tf.mul(2, sigmoid(tf.mul(x, 2))), 1) as T);
      }
      export function relu<T extends tf.Tensor>(x: T): T {
        return tf.tidy(() => tf.maximum(x, 0) as T);
      }
    `;
    const r = await grade(ID, submissionWith(ID, source));
    expect(r.score, summary(r)).toBe(r.maxScore);
  });

  it('when the built-in activations are used (tf.sigmoid, x.tanh(), tf["re" + "lu"]) then the values pass but their api checks fail', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'builtin-activations'));
    for (const c of r.checks.filter((x) => x.kind !== 'api')) expect(c.passed, summary(r)).toBe(true);
    expect(check(r, 'dense uses no built-in layer or activation').passed).toBe(true);
    for (const [name, fn, kernel] of [['sigmoid', 'tf.sigmoid', 'Sigmoid'], ['tanh', 'tf.tanh', 'Tanh'], ['relu', 'tf.relu', 'Relu']] as const) {
      const c = check(r, `${name} uses no built-in activation`);
      expect(c.passed, summary(r)).toBe(false);
      expect(c.message).toContain(fn);
      expect(c.message).toContain(`kernel ${kernel}`);
    }
    expect(r.score).toBe(r.maxScore - 3);
  });

  it('when the sigmoid has a sign error then its value and gradient checks fail with the σ(−x) hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'sigmoid-sign-error'));
    for (const name of ['sigmoid values', 'sigmoid gradient']) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).hint).toMatch(/σ\(−x\)/);
    }
    expect(check(r, 'tanh values').passed).toBe(true);
    expect(r.score).toBe(r.maxScore - 2);
  });

  it('when the weight is transposed then the square case gets the transpose hint and the non-square one a shape error', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'transposed-weight'));
    const square = check(r, 'dense with a square w');
    expect(square.passed, summary(r)).toBe(false);
    expect(square.hint).toMatch(/without transposing/);
    const rect = check(r, 'dense with a non-square w');
    expect(rect.passed).toBe(false);
    expect(rect.message).toMatch(/matMul/);
    expect(check(r, 'dense gradient w.r.t. x, w and b').passed).toBe(false);
    for (const name of ['sigmoid values', 'tanh values', 'relu values', 'relu gradient', ...API_CHECKS]) expect(check(r, name).passed, summary(r)).toBe(true);
  });

  it("when the notes' formulas are used as written then tanh is NaN at ±1000 and the sigmoid's gradient is NaN", async () => {
    const r = await grade(ID, wrongSubmission(ID, 'naive-formulas'));
    expect(check(r, 'sigmoid values').passed, summary(r)).toBe(true); // 1/(1 + Infinity) = 0 is still right
    for (const name of ['tanh values', 'sigmoid gradient', 'tanh gradient']) {
      expect(check(r, name).passed, summary(r)).toBe(false);
      expect(check(r, name).message).toMatch(/NaN/);
    }
    expect(check(r, 'relu gradient').passed).toBe(true); // tf.maximum(x, 0): 0 is not on the gradient grid
  });
});
