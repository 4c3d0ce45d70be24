// Correct, as a Coupling class with the mask inside the exponent: y = x·exp((1 − m)·s) + (1 − m)·t, logDet as a matMul with a column of ones
import * as tf from '@tensorflow/tfjs';

export type CouplingNet = (x: tf.Tensor2D) => { s: tf.Tensor; t: tf.Tensor };

// The mask moved inside the exponent: y = x·exp((1 − m)·s) + (1 − m)·t.
// On m = 1 that is x·1 + 0 = x; on m = 0 it is x·eˢ + t. logDet by a matMul with (1 − m).
class Coupling {
  readonly keep: tf.Tensor;
  readonly free: tf.Tensor;
  constructor(mask: tf.Tensor, private readonly net: CouplingNet) {
    this.keep = mask;
    this.free = tf.sub(1, mask);
  }
  st(x: tf.Tensor2D): { s: tf.Tensor; t: tf.Tensor } {
    const { s, t } = this.net(x.mul(this.keep) as tf.Tensor2D);
    return { s: s.mul(this.free), t: t.mul(this.free) };
  }
  forward(x: tf.Tensor2D) {
    const { s, t } = this.st(x);
    const y = x.mul(s.exp()).add(t) as tf.Tensor2D;
    const d = x.shape[1];
    const logDet = s.matMul(tf.ones([d, 1])).reshape([-1]) as tf.Tensor1D;
    return { y, logDet };
  }
  inverse(y: tf.Tensor2D): tf.Tensor2D {
    const { s, t } = this.st(y);
    return y.sub(t).mul(s.neg().exp()) as tf.Tensor2D;
  }
}

export function couplingForward(x: tf.Tensor2D, mask: tf.Tensor, net: CouplingNet): { y: tf.Tensor2D; logDet: tf.Tensor1D } {
  return tf.tidy(() => new Coupling(mask, net).forward(x));
}

export function couplingInverse(y: tf.Tensor2D, mask: tf.Tensor, net: CouplingNet): tf.Tensor2D {
  return tf.tidy(() => new Coupling(mask, net).inverse(y));
}

export function flowLogProb(x: tf.Tensor2D, layers: { mask: tf.Tensor; net: CouplingNet }[]): tf.Tensor1D {
  return tf.tidy(() => {
    const [, d] = x.shape;
    let z = x;
    let total: tf.Tensor = tf.zeros([x.shape[0]]);
    for (const { mask, net } of layers) {
      const { y, logDet } = couplingForward(z, mask, net);
      z = y;
      total = total.add(logDet);
    }
    const logBase = z.square().sum(1).mul(-0.5).sub((d / 2) * Math.log(2 * Math.PI));
    return logBase.add(total) as tf.Tensor1D;
  });
}
