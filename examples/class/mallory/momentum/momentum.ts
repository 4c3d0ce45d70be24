import * as tf from '@tensorflow/tfjs';

// Hostile sample: ends the sandbox process while the module loads, before any check runs.
process.exit(0);

export function momentumStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  velocity: tf.Tensor[],
  hp: { lr: number; gamma: number },
): { params: tf.Tensor[]; velocity: tf.Tensor[] } {
  return { params, velocity: velocity.map((v, i) => v.mul(hp.gamma).add(grads[i]!)) };
}
