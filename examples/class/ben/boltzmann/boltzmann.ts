import * as tf from '@tensorflow/tfjs';

// p(xᵢ = +1 | rest) = σ(h) (the 0/1-unit formula) instead of σ(2h); gradient as model − data.
export function gibbsSweep(x: tf.Tensor2D, w: tf.Tensor2D, bias: tf.Tensor1D, seed: number): tf.Tensor2D {
  const [b, n] = x.shape;
  return tf.tidy(() => {
    let s: tf.Tensor = x.clone();
    for (let i = 0; i < n; i++) {
      const h = tf.add(tf.matMul(s, tf.slice(w, [0, i], [n, 1])), tf.slice(bias, [i], [1]));
      const xi = tf.sub(tf.mul(2, tf.less(tf.randomUniform([b, 1], 0, 1, 'float32', seed * 31 + i), tf.sigmoid(h)).toFloat()), 1);
      const e = tf.oneHot(tf.tensor1d([i], 'int32'), n).toFloat();
      s = tf.add(tf.mul(s, tf.sub(1, e)), tf.mul(xi, e));
    }
    return s as tf.Tensor2D;
  });
}

export function boltzmannGradient(data: tf.Tensor2D, model: tf.Tensor2D) {
  const n = data.shape[1];
  return tf.tidy(() => ({
    dW: tf.mul(tf.sub(tf.div(tf.matMul(model, model, true), model.shape[0]), tf.div(tf.matMul(data, data, true), data.shape[0])), tf.sub(1, tf.eye(n))) as tf.Tensor2D,
    dBias: tf.sub(tf.mean(model, 0), tf.mean(data, 0)) as tf.Tensor1D,
  }));
}
