import * as tf from '@tensorflow/tfjs';
import type { TaskTable } from '../../tasks/types.ts';
import { evaluateElbo, graderVae, studentPieces, trainVae, vaeBudget } from '../shared/vae-family/training.ts';

interface VaeData {
  trainImages: tf.Tensor2D; // [N, 784] binary
  testImages: tf.Tensor2D; // [M, 784] binary
}

export const tasks: TaskTable = {
  /**
   * Trains the grader's fixed MLP VAE with the student's reparameterize and elbo (β = 1), then
   * returns the grader's own per-image ELBO terms on the test images: {logLikelihood [M], kl [M]}
   * and the training loss (−ELBO) every 100 steps.
   */
  trainWithYourElbo(impl, args, ctx) {
    const data = args[0] as unknown as VaeData;
    const budget = vaeBudget(ctx.options.budget);
    const seed = ctx.options.seed;
    const m = graderVae(budget.latent, budget.hidden, seed);
    try {
      const loss = trainVae(m, studentPieces(impl), data.trainImages, undefined, budget, 1, seed);
      return { ...evaluateElbo(m, data.testImages, undefined, seed), loss: tf.tensor1d(loss) };
    } finally {
      m.encoder.dispose();
      m.decoder.dispose();
    }
  },
};
