// Correct, in-place-looking with tf.Variable and assign: each parameter and velocity copied into a variable, updated inside a tf.tidy, the variables returned
import * as tf from '@tensorflow/tfjs';

// In-place-looking: copies into tf.Variables, updated with assign.
export function momentumStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  velocity: tf.Tensor[],
  hp: { lr: number; gamma: number },
): { params: tf.Tensor[]; velocity: tf.Tensor[] } {
  const outP: tf.Tensor[] = [];
  const outV: tf.Tensor[] = [];
  for (let i = 0; i < params.length; i++) {
    const v = tf.variable(velocity[i], false);
    const p = tf.variable(params[i], false);
    tf.tidy(() => {
      v.assign(v.mul(hp.gamma).add(grads[i].mul(hp.lr)));
      p.assign(p.sub(v));
    });
    outP.push(p);
    outV.push(v);
  }
  return { params: outP, velocity: outV };
}
