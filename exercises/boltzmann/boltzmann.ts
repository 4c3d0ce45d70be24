import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * One Gibbs sweep of a Boltzmann machine, E(x) = −½ xᵀWx − biasᵀx on x ∈ {−1, 1}ⁿ: units
 * 0, 1, …, n−1 in order, each resampled from p(xᵢ = +1 | rest) = σ(2·((Wx)ᵢ + biasᵢ)) using the
 * current values of the others, for every row (chain) of x at once.
 *
 * @param x    [B, n] of ±1: B independent chains (not modified)
 * @param w    [n, n] symmetric, zero diagonal
 * @param bias [n]
 * @param seed seeds the draws; the same seed gives the same sweep
 * @returns    [B, n] of ±1
 */
export function gibbsSweep(x: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D, seed: number): tf.Tensor2D {
  throw new NotImplemented('gibbsSweep');
}

/**
 * Ascent direction of the mean log-likelihood: dW = mean over data of x xᵀ minus mean over
 * model samples of x xᵀ (zero diagonal); dBias = mean data x minus mean model x.
 *
 * @param data  [B, n] of ±1
 * @param model [M, n] of ±1 (samples from the model, e.g. by gibbsSweep)
 */
export function boltzmannGradient(data: tf.Tensor2D, model: tf.Tensor2D): { dW: tf.Tensor2D; dBias: tf.Tensor1D } {
  throw new NotImplemented('boltzmannGradient');
}
