import * as tf from '@tensorflow/tfjs';
import { layerSeed } from '../../../reference/support/layer-seed.ts';
import { Rng } from '../../basics/rng.ts';
import type { Impl, TaskTable } from '../../tasks/types.ts';
import { reportProgress } from '../../tasks/progress.ts';
import { disposeStudentModel } from '../../tasks/dispose-model.ts';
import { refuseBuiltInRing } from './built-in-ring.ts';

const shapeText = (s: unknown): string => (Array.isArray(s) ? `[${s.map((d) => (d === null ? 'null' : String(d))).join(', ')}]` : String(s));

function describe(v: unknown): string {
  return v === undefined ? 'undefined' : v === null ? 'null' : typeof v === 'object' ? `a ${v.constructor?.name ?? 'plain object'}` : typeof v;
}

/** Throws a message the student can act on unless buildGan's models fit [N, latent] → [N, 2] → [N, 1]. */
function checkModels(built: unknown): { generator: tf.LayersModel; discriminator: tf.LayersModel; latent: number } {
  const b = built as { generator?: unknown; discriminator?: unknown } | null | undefined;
  for (const k of ['generator', 'discriminator'] as const) {
    if (!(b?.[k] instanceof tf.LayersModel)) throw new TypeError(`buildGan(seed) must return {generator, discriminator}, two tf.LayersModel; ${k} is ${describe(b?.[k])}`);
  }
  const g = b!.generator as tf.LayersModel;
  const d = b!.discriminator as tf.LayersModel;
  const gi = g.inputs[0]!.shape;
  const go = g.outputs[0]!.shape;
  if (g.inputs.length !== 1 || gi.length !== 2 || gi[0] !== null || !(Number(gi[1]) >= 1)) throw new Error(`the generator must take one input of noise vectors, shape [null, latent], but its input shape is ${shapeText(gi)}`);
  if (g.outputs.length !== 1 || go.length !== 2 || go[0] !== null || go[1] !== 2) throw new Error(`the generator must output 2-D points, shape [null, 2], but its output shape is ${shapeText(go)}`);
  const di = d.inputs[0]!.shape;
  const dout = d.outputs[0]!.shape;
  if (d.inputs.length !== 1 || di.length !== 2 || di[1] !== 2) throw new Error(`the discriminator must take 2-D points, shape [null, 2], but its input shape is ${shapeText(di)}`);
  if (d.outputs.length !== 1 || dout.length !== 2 || dout[1] !== 1) throw new Error(`the discriminator must output one logit per point, shape [null, 1], but its output shape is ${shapeText(dout)}`);
  if (g.trainableWeights.length === 0 || d.trainableWeights.length === 0) throw new Error('buildGan\'s models must have trainable weights');
  return { generator: g, discriminator: d, latent: Number(gi[1]) };
}

function lossScalar(v: unknown, who: string): tf.Scalar {
  if (!(v instanceof tf.Tensor) || v.size !== 1) throw new TypeError(`${who} must return a scalar tensor, but returned ${v instanceof tf.Tensor ? `shape ${shapeText(v.shape)}` : describe(v)}`);
  return v.reshape([]) as tf.Scalar;
}

export interface GanBudget {
  steps: number;
  batchSize: number;
  lr: number;
  beta1: number;
  samples: number;
}

/**
 * Alternating GAN training on the rows of `real` ([M, D]): per step one discriminator update
 * on a real and a fake batch with impl.discriminatorLoss, then one generator update with
 * impl.generatorLoss(·, true) (non-saturating); Adam for both. Returns `samples` rows from the
 * trained generator ([samples, D]) and the two losses every 100 steps. Disposes the models.
 * `models` builds them (the student's buildGan for the ring, the grader's own for MNIST).
 */
function trainAdversarial(
  impl: Impl,
  models: () => { generator: tf.LayersModel; discriminator: tf.LayersModel; latent: number },
  real: tf.Tensor2D,
  budget: GanBudget,
  seed: number,
  built: { generator?: unknown; discriminator?: unknown } | undefined,
): { samples: tf.Tensor2D; dLoss: tf.Tensor1D; gLoss: tf.Tensor1D } {
  const rng = new Rng(`gan/${seed}`);
  const batches = rng.fork('batches');
  const noise = rng.fork('noise');
  const dispose = () => {
    for (const m of [built?.generator, built?.discriminator]) disposeStudentModel(m);
  };
  const optD = tf.train.adam(budget.lr, budget.beta1, 0.999);
  const optG = tf.train.adam(budget.lr, budget.beta1, 0.999);
  const dLog: number[] = [];
  const gLog: number[] = [];
  try {
    const { generator: g, discriminator: d, latent } = models();
    const dVars = d.trainableWeights.map((w) => w.read() as tf.Variable);
    const gVars = g.trainableWeights.map((w) => w.read() as tf.Variable);
    const m = real.shape[0];
    const bs = budget.batchSize;
    for (let step = 0; step < budget.steps; step++) {
      const idx = tf.tensor1d(batches.ints(bs, 0, m), 'int32');
      const z1 = tf.randomNormal([bs, latent], 0, 1, 'float32', noise.seed32());
      const z2 = tf.randomNormal([bs, latent], 0, 1, 'float32', noise.seed32());
      const xr = tf.gather(real, idx);
      const log = step % 100 === 0 || step === budget.steps - 1;
      const dl = optD.minimize(() => {
        const fake = g.apply(z1, { training: true }) as tf.Tensor;
        const realLogits = d.apply(xr, { training: true }) as tf.Tensor;
        const fakeLogits = d.apply(fake, { training: true }) as tf.Tensor;
        return lossScalar(impl.discriminatorLoss(realLogits, fakeLogits), 'discriminatorLoss');
      }, log, dVars);
      const gl = optG.minimize(() => {
        const fakeLogits = d.apply(g.apply(z2, { training: true }) as tf.Tensor, { training: true }) as tf.Tensor;
        return lossScalar(impl.generatorLoss(fakeLogits, true), 'generatorLoss');
      }, log, gVars);
      if (log) {
        dLog.push(dl!.dataSync()[0]!);
        gLog.push(gl!.dataSync()[0]!);
      }
      tf.dispose([idx, z1, z2, xr]);
      if (dl) dl.dispose();
      if (gl) gl.dispose();
      reportProgress(step + 1, budget.steps, 'step', dLog.length > 0 ? `D loss ${dLog[dLog.length - 1]!.toFixed(3)}, G loss ${gLog[gLog.length - 1]!.toFixed(3)}` : undefined);
    }
    const z = tf.randomNormal([budget.samples, latent], 0, 1, 'float32', noise.seed32());
    const samples = tf.tidy(() => g.predict(z) as tf.Tensor2D);
    z.dispose();
    return { samples, dLoss: tf.tensor1d(dLog), gLoss: tf.tensor1d(gLog) };
  } finally {
    optD.dispose();
    optG.dispose();
    dispose();
  }
}

/** The ring GAN: the student's buildGan(seed) models, trained with the student's losses. */
export function trainGan(impl: Impl, real: tf.Tensor2D, budget: GanBudget, seed: number): { samples: tf.Tensor2D; dLoss: tf.Tensor1D; gLoss: tf.Tensor1D } {
  const built = impl.buildGan(seed) as { generator?: unknown; discriminator?: unknown } | undefined;
  return trainAdversarial(impl, () => refuseBuiltInRing(checkModels(built), budget.samples, seed), real, budget, seed, built);
}

/**
 * The grader's MNIST GAN, the same for every submission (only the losses are the student's):
 * generator [N, latent] → 256 (leaky ReLU 0.2) → 784 sigmoid, pixels in [0, 1];
 * discriminator 784 → 256 (leaky ReLU 0.2) → 1 logit. Glorot-uniform, seeded from `seed`.
 */
export function buildMnistGan(seed: number, latent: number, hidden: number): { generator: tf.LayersModel; discriminator: tf.LayersModel; latent: number } {
  const dense = (units: number, i: number, extra: Record<string, unknown> = {}) =>
    tf.layers.dense({ units, kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, i) }), biasInitializer: 'zeros', ...extra });
  const generator = tf.sequential({ name: 'mnist_generator' });
  generator.add(dense(hidden, 0, { inputShape: [latent] }));
  generator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  generator.add(dense(784, 1, { activation: 'sigmoid' }));
  const discriminator = tf.sequential({ name: 'mnist_discriminator' });
  discriminator.add(dense(hidden, 10, { inputShape: [784] }));
  discriminator.add(tf.layers.leakyReLU({ alpha: 0.2 }));
  discriminator.add(dense(1, 11));
  return { generator, discriminator, latent };
}

/** The MNIST GAN trained with impl's losses on `real` ([M, 784] in [0, 1]): samples [samples, 784]. */
export function trainMnistGan(impl: Impl, real: tf.Tensor2D, budget: GanBudget & { latent: number; hidden: number }, seed: number): { samples: tf.Tensor2D; dLoss: tf.Tensor1D; gLoss: tf.Tensor1D } {
  const built = buildMnistGan(seed, budget.latent, budget.hidden);
  return trainAdversarial(impl, () => built, real, budget, seed, built);
}

export function ganBudget(b: Record<string, unknown> | undefined): GanBudget {
  const out = { steps: Number(b?.steps), batchSize: Number(b?.batchSize), lr: Number(b?.lr), beta1: Number(b?.beta1 ?? 0.5), samples: Number(b?.samples ?? 2000) };
  if (!(out.steps > 0 && out.batchSize > 0 && out.lr > 0 && out.samples > 0)) throw new Error('grader: the gan ring check needs budget {steps, batchSize, lr}');
  return out;
}

function mnistBudget(b: Record<string, unknown> | undefined): GanBudget & { latent: number; hidden: number } {
  const out = { ...ganBudget(b), latent: Number(b?.latent), hidden: Number(b?.hidden) };
  if (!(out.latent > 0 && out.hidden > 0)) throw new Error('grader: the gan MNIST check needs budget {latent, hidden}');
  return out;
}

export const tasks: TaskTable = {
  /** Trains buildGan's models on the ring with the student's losses; returns generated points. */
  trainRing(impl, args, ctx) {
    const real = args[0] as unknown as tf.Tensor2D;
    return trainGan(impl, real, ganBudget(ctx.options.budget), ctx.options.seed);
  },
  /** Trains the grader's MNIST GAN with the student's losses; returns generated images [samples, 784]. */
  trainMnist(impl, args, ctx) {
    const real = args[0] as unknown as tf.Tensor2D;
    return trainMnistGan(impl, real, mnistBudget(ctx.options.budget), ctx.options.seed);
  },
};
