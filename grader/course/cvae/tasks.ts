import * as tf from '@tensorflow/tfjs';
import type { Impl, TaskContext, TaskTable } from '../../tasks/types.ts';
import { validatedBuilderTasks } from '../shared/vae-family/builders.ts';
import { modelSeedProbe } from '../../tasks/model-probes.ts';
import { keepTrained, restoreTrained } from '../shared/vae-family/trained-memo.ts';
import { checkVaeModels, disposeModels, evaluateElbo, graderPieces, sampleEachClass, trainVae, vaeBudget, type VaeModels } from '../shared/vae-family/training.ts';

interface LabelledData {
  trainImages: tf.Tensor2D; // [N, 784] binary
  trainLabels: tf.Tensor2D; // [N, C] one-hot
  testImages: tf.Tensor2D; // [M, 784] binary
  testLabels: tf.Tensor2D; // [M, C] one-hot
}

/** The training loss (−ELBO every 100 steps) of the model kept for the other training check, by its key: for the picture. */
const lossOfKept = new Map<string, number[]>();

/**
 * Builds the student's buildCvae(latent, classes, seed), trains it with the grader's ELBO (β = 1)
 * and hands it and its training loss (every 100 steps) to `run`.
 */
function withTrainedCvae<T>(impl: Impl, data: LabelledData, ctx: TaskContext, run: (m: VaeModels, loss: number[]) => T): T {
  if (typeof impl.buildCvae !== 'function') throw new TypeError('buildCvae is not exported as a function');
  const budget = vaeBudget(ctx.options.budget);
  const classes = data.trainLabels.shape[1];
  const built = impl.buildCvae(budget.latent, classes, ctx.options.seed);
  try {
    const m = checkVaeModels(built, `buildCvae(${budget.latent}, ${classes}, seed)`, budget.latent, classes);
    // Both training checks train the same model (same seed, budget and data): the second loads the first's weights.
    const key = JSON.stringify([ctx.options.seed, budget, data.trainImages.shape, data.trainLabels.shape]);
    if (!restoreTrained(impl, key, m)) {
      lossOfKept.clear();
      lossOfKept.set(key, trainVae(m, graderPieces, data.trainImages, data.trainLabels, budget, 1, ctx.options.seed));
      keepTrained(impl, key, m);
    }
    return run(m, lossOfKept.get(key) ?? []);
  } finally {
    disposeModels(built);
  }
}

/** The one-hot labels with every row's class moved to the next one (class C − 1 to 0): [N, C]. */
function nextClass(y: tf.Tensor2D): tf.Tensor2D {
  const c = y.shape[1];
  return tf.tidy(() => tf.concat([tf.slice(y, [0, c - 1], [-1, 1]), tf.slice(y, [0, 0], [-1, c - 1])], 1) as tf.Tensor2D);
}

function buildUntrained(impl: Impl, ctx: TaskContext, classes: number, seed: number): VaeModels {
  if (typeof impl.buildCvae !== 'function') throw new TypeError('buildCvae is not exported as a function');
  const latent = Number(ctx.options.budget?.latent);
  if (!(Number.isInteger(latent) && latent > 0)) throw new Error('grader: a cvae probe needs budget.latent');
  const built = impl.buildCvae(latent, classes, seed);
  try {
    return checkVaeModels(built, `buildCvae(${latent}, ${classes}, seed)`, latent, classes);
  } catch (e) {
    disposeModels(built);
    throw e;
  }
}

export const tasks: TaskTable = {
  /** modelSummary (the decoder's output layer), after buildCvae's result passes the family's shape checks. */
  ...validatedBuilderTasks('buildCvae', (a) => a[1]!),
  /**
   * "The decoder must use y" (and the encoder, given y as an input, must read it): one freshly
   * built model, a network's output for (input, y) twice and for (input, y with every label moved
   * to the next class). args ['encoder' | 'decoder', input [N, 784 | L], y [N, C]]; judged by `labelMatters`.
   */
  labelProbe(impl, args, ctx) {
    const [part, input, y] = args as ['encoder' | 'decoder', tf.Tensor2D, tf.Tensor2D];
    const m = buildUntrained(impl, ctx, y.shape[1], ctx.options.seed);
    const other = nextClass(y);
    try {
      const run = (labels: tf.Tensor2D) => (part === 'encoder' ? m.encoder : m.decoder).predict([input, labels]) as tf.Tensor;
      return { first: run(y), again: run(y), changed: run(other) };
    } finally {
      other.dispose();
      disposeModels(m);
    }
  },

  /** buildCvae with the seed twice and with seed + 1: the weights' fingerprints, judged by `seedMatters`. */
  seedProbe(impl, args, ctx) {
    const classes = args[0] as number;
    return modelSeedProbe((s) => buildUntrained(impl, ctx, classes, s), (m) => [(m as VaeModels).encoder, (m as VaeModels).decoder], ctx.options.seed);
  },

  /** The trained conditional VAE's per-test-image ELBO terms given the true labels: {logLikelihood [M], kl [M]}. */
  trainConditional(impl, args, ctx) {
    const data = args[0] as unknown as LabelledData;
    return withTrainedCvae(impl, data, ctx, (m, loss) => ({ ...evaluateElbo(m, data.testImages, data.testLabels, ctx.options.seed), loss: tf.tensor1d(loss) }));
  },

  /** The trained conditional VAE's decoder means for budget.perClass prior codes per label: {images, labels}. */
  sampleDigits(impl, args, ctx) {
    const data = args[0] as unknown as LabelledData;
    const perClass = Number(ctx.options.budget?.perClass);
    if (!(Number.isInteger(perClass) && perClass > 0)) throw new Error('grader: the cvae sample check needs budget.perClass');
    return withTrainedCvae(impl, data, ctx, (m) => sampleEachClass(m, perClass, ctx.options.seed));
  },
};
