import * as tf from '@tensorflow/tfjs';
import { checkNumber, checkTensorLists } from '../check.ts';

/**
 * One momentum step in the notes' form (0.3.3): v ← γv + η∇L, θ ← θ − v.
 * (tf.train.momentum stores v' = γv' + ∇L and steps θ − ηv'; with a constant η, v = ηv'.)
 */
export function momentumStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  velocity: tf.Tensor[],
  hp: { lr: number; gamma: number },
): { params: tf.Tensor[]; velocity: tf.Tensor[] } {
  checkTensorLists('momentumStep', { params, grads, velocity });
  checkNumber('momentumStep', 'hp.lr', hp?.lr);
  checkNumber('momentumStep', 'hp.gamma', hp.gamma, 0, 1);
  const { lr, gamma } = hp;
  return tf.tidy(() => {
    const v = velocity.map((v, i) => v.mul(gamma).add(grads[i]!.mul(lr))); // each like params[i]
    return { params: params.map((p, i) => p.sub(v[i]!)), velocity: v };
  });
}
