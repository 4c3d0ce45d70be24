import * as tf from '@tensorflow/tfjs';
import type { Impl, TaskContext, TaskTable } from './types.ts';
import { checkVaeModels, disposeModels, evaluateElbo, graderPieces, sampleEachClass, trainVae, vaeBudget, type VaeModels } from './vae-training.ts';

interface LabelledData {
  trainImages: tf.Tensor2D; // [N, 784] binary
  trainLabels: tf.Tensor2D; // [N, C] one-hot
  testImages: tf.Tensor2D; // [M, 784] binary
  testLabels: tf.Tensor2D; // [M, C] one-hot
}

/** Builds the student's buildCvae(latent, classes, seed), trains it with the grader's ELBO (β = 1) and hands it to `run`. */
function withTrainedCvae<T>(impl: Impl, data: LabelledData, ctx: TaskContext, run: (m: VaeModels) => T): T {
  if (typeof impl.buildCvae !== 'function') throw new TypeError('buildCvae is not exported as a function');
  const budget = vaeBudget(ctx.options.budget);
  const classes = data.trainLabels.shape[1];
  const built = impl.buildCvae(budget.latent, classes, ctx.options.seed);
  try {
    const m = checkVaeModels(built, `buildCvae(${budget.latent}, ${classes}, seed)`, budget.latent, classes);
    trainVae(m, graderPieces, data.trainImages, data.trainLabels, budget, 1, ctx.options.seed);
    return run(m);
  } finally {
    disposeModels(built);
  }
}

export const tasks: TaskTable = {
  /** The trained conditional VAE's per-test-image ELBO terms given the true labels: {logLikelihood [M], kl [M]}. */
  trainConditional(impl, args, ctx) {
    const data = args[0] as unknown as LabelledData;
    return withTrainedCvae(impl, data, ctx, (m) => evaluateElbo(m, data.testImages, data.testLabels, ctx.options.seed));
  },

  /** The trained conditional VAE's decoder means for budget.perClass prior codes per label: {images, labels}. */
  sampleDigits(impl, args, ctx) {
    const data = args[0] as unknown as LabelledData;
    const perClass = Number(ctx.options.budget?.perClass);
    if (!(Number.isInteger(perClass) && perClass > 0)) throw new Error('grader: the cvae sample check needs budget.perClass');
    return withTrainedCvae(impl, data, ctx, (m) => sampleEachClass(m, perClass, ctx.options.seed));
  },
};
