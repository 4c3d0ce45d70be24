// Correct, as a Momentum class with a defaulted γ: the velocity from a helper g·η + v·γ with tf.scalar factors, θ reassigned in place
import * as tf from '@tensorflow/tfjs';

/** v' = γ·v + η·g for one tensor. */
function nextVelocity(v: tf.Tensor, g: tf.Tensor, lr: number, gamma: number): tf.Tensor {
  return g.mul(tf.scalar(lr)).add(v.mul(tf.scalar(gamma)));
}

class Momentum {
  lr: number;
  gamma: number;
  constructor(hp: { lr: number; gamma?: number }) {
    this.lr = hp.lr;
    this.gamma = hp.gamma ?? 0.9;
  }
  apply(p: tf.Tensor, g: tf.Tensor, v: tf.Tensor): [tf.Tensor, tf.Tensor] {
    return tf.tidy(() => {
      const vNew = nextVelocity(v, g, this.lr, this.gamma);
      let theta = p;
      theta = theta.sub(vNew); // "in place"
      return [theta, vNew] as [tf.Tensor, tf.Tensor];
    });
  }
}

export function momentumStep(
  params: tf.Tensor[],
  grads: tf.Tensor[],
  velocity: tf.Tensor[],
  hp: { lr: number; gamma: number },
): { params: tf.Tensor[]; velocity: tf.Tensor[] } {
  const opt = new Momentum(hp);
  const result = { params: [] as tf.Tensor[], velocity: [] as tf.Tensor[] };
  params.forEach((p, i) => {
    const [np, nv] = opt.apply(p, grads[i], velocity[i]);
    result.params.push(np);
    result.velocity.push(nv);
  });
  return result;
}
