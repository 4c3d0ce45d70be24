// Correct, with float64 JavaScript values inside tf.customGrad: σ and tanh from Math, gradients from the saved output; relu = (x + |x|)/2
import * as tf from '@tensorflow/tfjs';

export function dense(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(x, w), tf.expandDims(b, 0)));
}

// Values in float64 JavaScript; the gradient from the saved output (σ' = σ(1 − σ)).
function jsSigmoid(v: number): number {
  return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
}

export function sigmoid<T extends tf.Tensor>(x: T): T {
  const f = tf.customGrad(((input: tf.Tensor, save: tf.GradSaveFunc) => {
    const vals = Float32Array.from(input.dataSync(), jsSigmoid);
    const value = tf.tensor(vals, input.shape);
    save([value]);
    return { value, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => dy.mul(saved[0].mul(tf.sub(1, saved[0]))) };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(x) as T;
}

export function tanh<T extends tf.Tensor>(x: T): T {
  const f = tf.customGrad(((input: tf.Tensor, save: tf.GradSaveFunc) => {
    const vals = Float32Array.from(input.dataSync(), (v) => Math.tanh(v));
    const value = tf.tensor(vals, input.shape);
    save([value]);
    return { value, gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => dy.mul(tf.sub(1, saved[0].square())) };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return f(x) as T;
}

export function relu<T extends tf.Tensor>(x: T): T {
  return tf.tidy(() => x.add(x.abs()).div(2) as T);
}
