import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * Metropolis–Hastings for many chains at once (notes 2.1.1, 1.3.2). Each step: propose
 * x′ = proposal.sample(x, seedₜ) and accept each chain's proposal with probability
 * min(1, p(x′)·q(x | x′) / (p(x)·q(x′ | x))); a rejected chain stays at x.
 *
 * @param logP     log p̃(x) up to a constant: [chains, d] → [chains]
 * @param proposal sample(x, seed): [chains, d] → [chains, d];
 *                 logProb(to, from) = log q(to | from): → [chains]
 * @param x0       [chains, d] start states
 * @param steps    number of steps
 * @param seed     seeds every draw; use a fresh seed per step (and per draw)
 * @returns samples [steps, chains, d] (samples[t] = the states after step t, the current state
 *          again on rejection) and acceptRate = accepted / (steps · chains)
 */
export function metropolisHastings(
  logP: (x: tf.Tensor2D) => tf.Tensor1D,
  proposal: { sample(x: tf.Tensor2D, seed: number): tf.Tensor2D; logProb(to: tf.Tensor2D, from: tf.Tensor2D): tf.Tensor1D },
  x0: tf.Tensor2D,
  steps: number,
  seed: number,
): { samples: tf.Tensor3D; acceptRate: number } {
  throw new NotImplemented('metropolisHastings');
}
