import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * One momentum step in the notes' form (0.3.3), for every parameter tensor:
 *   v ← γ·v + η·∇L
 *   θ ← θ − v
 *
 * @param params   the parameter tensors θ (any shapes)
 * @param grads    their gradients ∇L, one per parameter, same shapes
 * @param velocity the velocities v from the previous step, one per parameter (zeros before the first step)
 * @param hp       lr: the learning rate η; gamma: the momentum coefficient γ in [0, 1]
 * @returns new tensors for the updated parameters and the new velocities (do not dispose or modify the inputs)
 */
export function momentumStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  velocity: tf.Tensor[],
  hp: { lr: number; gamma: number },
): { params: tf.Tensor[]; velocity: tf.Tensor[] } {
  throw new NotImplemented('momentumStep');
}
