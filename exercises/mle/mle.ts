import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * log p(x) of binary data x ∈ {0, 1} under independent Bernoulli pixels with p = σ(logits),
 * one value per example, summed over every axis but the first (notes 2.1).
 * Must stay finite for logits of ±1000.
 *
 * @param x      [N, ...] of 0/1
 * @param logits [N, ...] like x
 * @returns      [N]
 */
export function bernoulliLogLikelihood(x: tf.Tensor, logits: tf.Tensor): tf.Tensor1D {
  throw new NotImplemented('bernoulliLogLikelihood');
}

/**
 * log N(x; mean, diag(exp(logVar))), one value per example, summed over every axis but the first.
 *
 * @param x      [N, ...]
 * @param mean   like x
 * @param logVar like x: the LOG of the variance
 * @returns      [N]
 */
export function gaussianLogLikelihood(x: tf.Tensor, mean: tf.Tensor, logVar: tf.Tensor): tf.Tensor1D {
  throw new NotImplemented('gaussianLogLikelihood');
}
