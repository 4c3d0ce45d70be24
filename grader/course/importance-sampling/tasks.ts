import * as tf from '@tensorflow/tfjs';
import { integrandOf, samplerOf, targetOf, type Gaussian1d, type IntegrandSpec, type TargetSpec } from './models.ts';
import type { TaskTable } from '../../tasks/types.ts';

function numbersOf(out: unknown): { estimate: number; ess: number } {
  const o = out as { estimate?: unknown; ess?: unknown };
  if (!o || typeof o.estimate !== 'number' || typeof o.ess !== 'number') throw new TypeError('importanceEstimate must return { estimate: number; ess: number } (plain numbers: read them with dataSync()[0])');
  return { estimate: o.estimate, ess: o.ess };
}

export const tasks: TaskTable = {
  /**
   * Known samples and known log-densities: q.sample returns `xs`, and f, log p̃, log q return
   * the given values for them, so the weights, the estimate and the ESS are known exactly.
   * args [xs [n, 1], logp [n], logq [n], fx [n]].
   */
  exactWeights(impl, args) {
    const [xs, logp, logq, fx] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
    const n = xs.shape[0];
    const q = { sample: () => xs.clone(), logProb: () => logq.clone() };
    return numbersOf(impl.importanceEstimate(() => fx.clone(), () => logp.clone(), q, n, 1));
  },
  /** importanceEstimate with the case's seed twice and the next seed once: judged by `seedMatters`. */
  seedProbe(impl, args) {
    const [target, q, f, n, seed] = args as [TargetSpec, Gaussian1d, IntegrandSpec, number, number];
    const run = (s: number) => numbersOf(impl.importanceEstimate(integrandOf(f), targetOf(target), samplerOf(q), n, s));
    return { first: run(seed), again: run(seed), changed: run(seed + 1) };
  },
  /** `runs` estimates with fresh seeds: args [target, q, f, n, runs, seed]; estimates and ESSs [runs]. */
  manySeeds(impl, args, ctx) {
    const [target, q, f, n, runs] = args as [TargetSpec, Gaussian1d, IntegrandSpec, number, number, number];
    const seeds = ctx.rng('run-seeds');
    const logp = targetOf(target), sampler = samplerOf(q), fn = integrandOf(f);
    const estimates = new Float32Array(runs), ess = new Float32Array(runs);
    for (let r = 0; r < runs; r++) {
      const o = numbersOf(impl.importanceEstimate(fn, logp, sampler, n, seeds.seed32()));
      estimates[r] = o.estimate;
      ess[r] = o.ess;
    }
    return { estimates: tf.tensor1d(estimates), ess: tf.tensor1d(ess) };
  },
};
