import { describe, expect, it } from 'vitest';
import { check, grade, submissionWith, summary } from '../grading.ts';

/**
 * tfjs's own traps, met inside the sandbox on the default backend: the check's message names
 * the op or the cause, its hint what to use instead and the README section (grader/checks/tfjs-traps.ts).
 */
describe('TensorFlow.js traps get a message a student can act on', () => {
  it('when σ is built on tf.abs and tanh on tf.greater then the gradient checks name the subgradient at 0 and tf.greater, with the fix and the README section', async () => {
    const source = `import * as tf from '@tensorflow/tfjs';
export function dense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(x, w), b));
}
export function sigmoid<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => {
    const e = tf.exp(tf.neg(tf.abs(x))); // e^-|x|: its derivative at 0 is tfjs's choice
    return tf.where(tf.greaterEqual(x, 0), tf.div(1, tf.add(1, e)), tf.div(e, tf.add(1, e))) as T;
  });
}
export function tanh<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => {
    const pos = tf.greater(x, 0); // no gradient in tfjs
    const e = tf.exp(tf.mul(-2, tf.where(pos, x, tf.neg(x))));
    const t = tf.div(tf.sub(1, e), tf.add(1, e));
    return tf.where(pos, t, tf.neg(t)) as T;
  });
}
export function relu<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => tf.maximum(tf.zerosLike(x), x) as T);
}
`;
    const r = await grade('dense', submissionWith('dense', source));
    const sig = check(r, 'sigmoid gradient');
    expect(sig.passed, summary(r)).toBe(false);
    expect(sig.message).toMatch(/off only where the input is exactly 0 \(1 of 77 elements\): TensorFlow\.js's subgradient choices/);
    expect(sig.hint).toMatch(/tf\.where\(tf\.greaterEqual\(x, 0\), tf\.neg\(x\), x\).*exercises\/dense\/README\.md, section "The formulas"/);
    const tanh = check(r, 'tanh gradient');
    expect(tanh.passed, summary(r)).toBe(false);
    expect(tanh.message).toMatch(/gradient function not found for Greater.*tfjs has no gradient for tf\.greater \(kernel Greater\)/);
    expect(tanh.hint).toMatch(/tf\.greaterEqual.*exercises\/dense\/README\.md, section "The formulas"/);
    // The values are right: only the gradients meet the traps.
    for (const name of ['sigmoid values', 'tanh values', 'relu gradient']) expect(check(r, name).passed, summary(r)).toBe(true);
  });

  it('when the GAN losses use tf.logSigmoid of computed logits then the gradient and training checks name it and give the softplus identity', async () => {
    const source = `import * as tf from '@tensorflow/tfjs';
export function buildGan(seed: number) {
  const mlp = (sizes: number[], leaky: boolean, s: number) => {
    const m = tf.sequential();
    sizes.slice(1).forEach((units, i) => m.add(tf.layers.dense({ units, inputShape: i === 0 ? [sizes[0]!] : undefined, activation: i < sizes.length - 2 && !leaky ? 'relu' : 'linear', kernelInitializer: tf.initializers.glorotUniform({ seed: s + i }) })));
    return m;
  };
  return { generator: mlp([8, 64, 64, 2], false, seed), discriminator: mlp([2, 64, 64, 1], true, seed + 10) };
}
// log σ(z) and log(1 − σ(z)) = log σ(−z), with tfjs's own logSigmoid (values right, gradient broken in 4.22).
export function discriminatorLoss(real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.add(tf.mean(tf.logSigmoid(real)), tf.mean(tf.logSigmoid(tf.neg(fake))))) as tf.Scalar);
}
export function generatorLoss(fake: tf.Tensor, nonSaturating: boolean): tf.Scalar {
  return tf.tidy(() => (nonSaturating ? tf.neg(tf.mean(tf.logSigmoid(fake))) : tf.mean(tf.logSigmoid(tf.neg(fake)))) as tf.Scalar);
}
`;
    const r = await grade('gan', submissionWith('gan', source));
    expect(check(r, 'discriminator loss values').passed, summary(r)).toBe(true);
    for (const name of ['discriminator loss gradient w.r.t. both logits', 'generator loss gradient w.r.t. the logits', 'GAN covers the 8-Gaussian ring']) {
      const c = check(r, name);
      expect(c.passed, summary(r)).toBe(false);
      expect(c.message).toMatch(/reading 'backend'.*tf\.logSigmoid of a computed tensor used after it was disposed/);
      expect(c.hint).toMatch(/tf\.neg\(tf\.softplus\(tf\.neg\(z\)\)\).*exercises\/gan\/README\.md, section "Task"/);
    }
  });
});
