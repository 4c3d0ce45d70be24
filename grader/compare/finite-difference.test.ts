import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { maxRelativeError, numericGradient } from './finite-difference.ts';

describe('numericGradient', () => {
  it('when f is a textbook function then central differences give its derivative to ~1e-9', () => {
    // f(x) = Σ sin(x_i)·x_i², f'(x) = cos(x)·x² + 2x·sin(x)
    const x = Float64Array.from([0.3, -1.2, 2.5, 0]);
    const num = numericGradient((v) => v.reduce((s, xi) => s + Math.sin(xi) * xi * xi, 0), x);
    const exact = Array.from(x, (xi) => Math.cos(xi) * xi * xi + 2 * xi * Math.sin(xi));
    for (let i = 0; i < x.length; i++) expect(Math.abs(num[i]! - exact[i]!)).toBeLessThan(1e-9);
  });

  it('when compared with tf.grad of log-sum-exp in float32 then the relative error is below 1e-3', async () => {
    await tf.setBackend('cpu');
    const x = Float64Array.from([0.5, -1, 2, 0.1]);
    const lse = (v: Float64Array) => {
      const m = Math.max(...v);
      return m + Math.log(v.reduce((s, xi) => s + Math.exp(xi - m), 0));
    };
    const num = numericGradient(lse, x);
    const g = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.logSumExp(t))(tf.tensor1d(Array.from(x))).dataSync());
    expect(maxRelativeError(num, g)).toBeLessThan(1e-3);
    // A wrong gradient (off by a factor) is far away.
    expect(maxRelativeError(num, Array.from(g, (v) => 1.1 * v))).toBeGreaterThan(0.04);
  });
});
