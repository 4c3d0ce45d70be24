import * as tf from '@tensorflow/tfjs';
import type { Live } from '../../sandbox/tensors.ts';
import { callPure } from '../../tasks/common.ts';
import type { Impl, TaskContext, TaskTable } from '../../tasks/types.ts';
import { graderPieces, graderVae, trainVae, vaeBudget, type VaeModels } from '../shared/vae-family/training.ts';

const shapeText = (s: number[]): string => `[${s.join(', ')}]`;

/** Calls the student's inpaint with {encoder, decoder} and checks it returned an [N, 784] tensor. */
function callInpaint(impl: Impl, m: VaeModels, x: tf.Tensor2D, mask: tf.Tensor2D, steps: number): tf.Tensor {
  if (typeof impl.inpaint !== 'function') throw new TypeError('inpaint is not exported as a function');
  // Through the hygiene guard: x and mask neither disposed, written into nor returned.
  const out = callPure(impl.inpaint, [{ encoder: m.encoder, decoder: m.decoder } as unknown as Live, x, mask, steps], 'inpaint');
  if (!(out instanceof tf.Tensor)) throw new TypeError(`inpaint must return a tf.Tensor, but returned ${out === null ? 'null' : typeof out}`);
  if (out.shape.join(',') !== x.shape.join(',')) {
    const shape = shapeText(out.shape);
    out.dispose();
    throw new Error(`inpaint must return x's shape ${shapeText(x.shape)}, but returned ${shape}`);
  }
  if (x.isDisposed || mask.isDisposed) throw new Error('inpaint disposed its input x or mask; functions must leave their inputs alone');
  return out;
}

/** Runs `run` with the grader's MLP VAE, trained on `train` for the check's budget when given (else as initialised). */
function withVae<T>(ctx: TaskContext, train: tf.Tensor2D | undefined, run: (m: VaeModels) => T, probe?: (m: VaeModels) => void): T {
  const b = ctx.options.budget;
  const latent = Number(b?.latent);
  if (!(Number.isInteger(latent) && latent > 0)) throw new Error('grader: an inpainting check needs budget.latent');
  const m = graderVae(latent, Number(b?.hidden ?? 256), ctx.options.seed);
  try {
    // A submission that throws (e.g. not implemented yet) fails before the training, not after it.
    probe?.(m);
    if (train) trainVae(m, graderPieces, train, undefined, vaeBudget(b), 1, ctx.options.seed);
    return run(m);
  } finally {
    m.encoder.dispose();
    m.decoder.dispose();
  }
}

export const tasks: TaskTable = {
  /** inpaint with the grader's untrained (freshly initialised) MLP VAE: what comes back of the known pixels. */
  inpaintUntrained(impl, args, ctx) {
    const [x, mask, steps] = args as [tf.Tensor2D, tf.Tensor2D, number];
    return withVae(ctx, undefined, (m) => callInpaint(impl, m, x, mask, steps));
  },

  /**
   * "Repeat steps times", seen from outside: inpaint with two different untrained VAEs (the
   * grader's, seeds s and s + 1) at steps 0, and with the first at steps 1 and 3. Judged by `stepsCount`.
   */
  stepsProbe(impl, args, ctx) {
    const [x, mask] = args as [tf.Tensor2D, tf.Tensor2D];
    const b = ctx.options.budget;
    const latent = Number(b?.latent), hidden = Number(b?.hidden ?? 256);
    const a = graderVae(latent, hidden, ctx.options.seed);
    const other = graderVae(latent, hidden, ctx.options.seed + 1);
    try {
      const zeroA = callInpaint(impl, a, x, mask, 0);
      // The README's rounds run by the grader from the student's own x⁽⁰⁾, for the judge to hold a
      // deterministic inpaint (oneA equal to oneAgain) to: one round, and three.
      const round = (c: tf.Tensor) => tf.tidy(() => {
        const mu = tf.slice(a.encoder.predict(c) as tf.Tensor2D, [0, 0], [-1, latent]); // [N, L]
        return tf.where(tf.equal(mask, 1), x, tf.sigmoid(a.decoder.predict(mu) as tf.Tensor2D)); // [N, 784]
      });
      const expectOne = round(zeroA);
      const expectThree = tf.tidy(() => round(round(expectOne)));
      return {
        zeroA, zeroB: callInpaint(impl, other, x, mask, 0),
        oneA: callInpaint(impl, a, x, mask, 1), oneB: callInpaint(impl, other, x, mask, 1),
        threeA: callInpaint(impl, a, x, mask, 3),
        oneAgain: callInpaint(impl, a, x, mask, 1),
        expectOne, expectThree,
      };
    } finally {
      for (const m of [a, other]) {
        m.encoder.dispose();
        m.decoder.dispose();
      }
    }
  },

  /** inpaint with the grader's MLP VAE trained on the binarised training images (its own ELBO): the filled images. */
  inpaintTrained(impl, args, ctx) {
    const [data, x, mask, steps] = args as [{ trainImages: tf.Tensor2D }, tf.Tensor2D, tf.Tensor2D, number];
    const one = (m: VaeModels) => tf.tidy(() => {
      callInpaint(impl, m, x.slice(0, 1), mask.slice(0, 1), 1);
    });
    return withVae(ctx, data.trainImages, (m) => callInpaint(impl, m, x, mask, steps), one);
  },
};
