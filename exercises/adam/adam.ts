import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

export interface AdamState {
  m: tf.Tensor[];
  v: tf.Tensor[];
  /** Steps taken so far: 0 before the first step. */
  t: number;
}

/**
 * One Adam step (notes 0.3.4), for every parameter tensor. The step taken from state.t = t
 * is step number t + 1:
 *   m ← β1·m + (1 − β1)·∇L
 *   v ← β2·v + (1 − β2)·(∇L)²
 *   m̂ = m / (1 − β1^(t+1)),  v̂ = v / (1 − β2^(t+1))
 *   θ ← θ − η·m̂ / (√v̂ + ε)
 *
 * @param params the parameter tensors θ (any shapes)
 * @param grads  their gradients ∇L, one per parameter, same shapes
 * @param state  m and v (one per parameter, zeros before the first step) and t, the number of steps taken
 * @param hp     lr: η; beta1, beta2: the moment decay rates in [0, 1); eps: ε ≥ 0
 * @returns new tensors for the updated parameters and the new state {m, v, t: t + 1} (do not dispose or modify the inputs)
 */
export function adamStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  state: AdamState,
  hp: { lr: number; beta1: number; beta2: number; eps: number },
): { params: tf.Tensor[]; state: AdamState } {
  throw new NotImplemented('adamStep');
}
