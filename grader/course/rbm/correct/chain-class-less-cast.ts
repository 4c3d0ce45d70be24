// Correct, with a Chain class handing out fresh seeds and tf.less draws: Bernoulli as tf.less(u, p).cast('float32'), tf.dot for the conditionals
import * as tf from '@tensorflow/tfjs';

// sigmoid written by hand as 1/(1+e^{-a}); Bernoulli through tf.less cast to float; class for the chain
export function hiddenProbs(v: tf.Tensor2D, w: tf.Tensor2D, c: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.sigmoid(tf.dot(v, w).add(c)) as tf.Tensor2D);
}

export function visibleProbs(h: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.sigmoid(tf.dot(h, w.transpose()).add(b)) as tf.Tensor2D);
}

export function sampleBernoulli(p: tf.Tensor, seed: number): tf.Tensor {
  return tf.tidy(() => tf.less(tf.randomUniform(p.shape, 0, 1, 'float32', seed), p).cast('float32'));
}

class Chain {
  private draws = 0;
  constructor(private w: tf.Tensor2D, private b: tf.Tensor1D, private c: tf.Tensor1D, private seed: number) {}
  private s() { return this.seed * 10007 + this.draws++; }
  step(v: tf.Tensor2D): tf.Tensor2D {
    const h = sampleBernoulli(hiddenProbs(v, this.w, this.c), this.s()) as tf.Tensor2D;
    return sampleBernoulli(visibleProbs(h, this.w, this.b), this.s()) as tf.Tensor2D;
  }
}

export function cdGradient(v0: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D, k: number, seed: number): { dW: tf.Tensor2D; db: tf.Tensor1D; dc: tf.Tensor1D } {
  return tf.tidy(() => {
    const chain = new Chain(w, b, c, seed);
    let vk = v0;
    for (let i = 0; i < k; i++) vk = chain.step(vk);
    const p0 = hiddenProbs(v0, w, c), pk = hiddenProbs(vk, w, c);
    const n = v0.shape[0];
    return {
      dW: v0.transpose().matMul(p0).sub(vk.transpose().matMul(pk)).div(n) as tf.Tensor2D,
      db: v0.sub(vk).sum(0).div(n) as tf.Tensor1D,
      dc: p0.sub(pk).sum(0).div(n) as tf.Tensor1D,
    };
  });
}
