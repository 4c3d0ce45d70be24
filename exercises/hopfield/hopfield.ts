import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * Hebbian storage: W = (1/n)·Σₚ xₚxₚᵀ with a zero diagonal (notes 2.1.1).
 *
 * @param patterns [P, n] of ±1
 * @returns        [n, n], symmetric, zero diagonal
 */
export function hebbianWeights(patterns: tf.Tensor2D): tf.Tensor2D {
  throw new NotImplemented('hebbianWeights');
}

/**
 * Hopfield energy E(x) = −½ xᵀWx for each row of x.
 *
 * @param x [B, n] of ±1
 * @param w [n, n]
 * @returns [B]
 */
export function energy(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor1D {
  throw new NotImplemented('energy');
}

/**
 * Asynchronous recall: `sweeps` sweeps; each sweep visits every unit once, in a random order
 * drawn from `seed`, and sets xᵢ ← sign((Wx)ᵢ) using the current x, keeping xᵢ when (Wx)ᵢ = 0.
 *
 * @param x0 [B, n] of ±1 (not modified)
 * @param w  [n, n]
 * @returns  [B, n] of ±1
 */
export function recall(x0: tf.Tensor2D, w: tf.Tensor2D, sweeps: number, seed: number): tf.Tensor2D {
  throw new NotImplemented('recall');
}
