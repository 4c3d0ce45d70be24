import * as tf from '@tensorflow/tfjs';
import type { Impl, TaskTable } from '../../tasks/types.ts';
import { validatedBuilderTasks } from '../shared/vae-family/builders.ts';
import { checkVaeModels, disposeModels, evaluateElbo, graderPieces, trainVae, vaeBudget, type VaeBudget } from '../shared/vae-family/training.ts';

interface VaeData {
  trainImages: tf.Tensor2D; // [N, 784] binary
  testImages: tf.Tensor2D; // [M, 784] binary
}

/**
 * Builds the student's VAE with buildVae(latent, seed), trains it with the grader's β-ELBO
 * and returns the grader's per-test-image terms {logLikelihood [M], kl [M]} (at β = 1) and the
 * training loss every 100 steps (`loss`, for the learning-curve picture).
 */
function trainStudentVae(impl: Impl, data: VaeData, budget: VaeBudget, beta: number, seed: number): { logLikelihood: tf.Tensor1D; kl: tf.Tensor1D; loss: tf.Tensor1D } {
  if (typeof impl.buildVae !== 'function') throw new TypeError('buildVae is not exported as a function');
  const built = impl.buildVae(budget.latent, seed);
  try {
    const m = checkVaeModels(built, `buildVae(${budget.latent}, seed)`, budget.latent, 0);
    const loss = trainVae(m, graderPieces, data.trainImages, undefined, budget, beta, seed);
    return { ...evaluateElbo(m, data.testImages, undefined, seed), loss: tf.tensor1d(loss) };
  } finally {
    disposeModels(built);
  }
}

function betasOf(b: Record<string, unknown> | undefined): number[] {
  const betas = b?.betas;
  if (!Array.isArray(betas) || betas.length < 2 || !betas.every((x) => typeof x === 'number' && x >= 0)) throw new Error('grader: the β sweep needs budget.betas, two or more numbers ≥ 0');
  return betas as number[];
}

export const tasks: TaskTable = {
  /** modelSummary and modelSeed, after buildVae's result passes the family's shape checks. */
  ...validatedBuilderTasks('buildVae', () => 0),
  /** The student's buildVae trained at β = 1: test ELBO terms. */
  trainAtBetaOne(impl, args, ctx) {
    return trainStudentVae(impl, args[0] as unknown as VaeData, vaeBudget(ctx.options.budget), 1, ctx.options.seed);
  },

  /** The student's buildVae trained afresh (same seed) at each β of budget.betas: {betas, runs: [{logLikelihood, kl}]}. */
  trainAtEachBeta(impl, args, ctx) {
    const budget = vaeBudget(ctx.options.budget);
    const betas = betasOf(ctx.options.budget);
    const runs = [];
    try {
      for (const beta of betas) runs.push(trainStudentVae(impl, args[0] as unknown as VaeData, budget, beta, ctx.options.seed));
    } catch (e) {
      tf.dispose(runs.flatMap((r) => [r.logLikelihood, r.kl, r.loss]));
      throw e;
    }
    return { betas, runs };
  },
};
