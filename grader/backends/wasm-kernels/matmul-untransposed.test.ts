import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';

/** Runs f on a backend with fresh seeded inputs and downloads the result. */
async function on(backend: 'cpu' | 'wasm', f: () => tf.Tensor): Promise<Float32Array> {
  await selectBackend(backend);
  const t = tf.tidy(f);
  const data = (await t.data()) as Float32Array;
  t.dispose();
  return data;
}

const cases: [string, number[], number[], boolean, boolean][] = [
  ['transposeA', [64, 30], [64, 20], true, false],
  ['transposeB', [30, 64], [20, 64], false, true],
  ['both', [64, 30], [20, 64], true, true],
  ['neither', [30, 64], [64, 20], false, false],
  ['batched, transposeA', [3, 17, 5], [3, 17, 4], true, false],
  ['broadcast batch, transposeB', [1, 5, 17], [3, 4, 17], false, true],
];

describe('wasm matMul with transposed operands', () => {
  for (const [label, sa, sb, ta, tb] of cases) {
    it(`when ${label} then wasm agrees with cpu within 1e-4 relative`, async () => {
      const f = () => tf.matMul(tf.randomNormal(sa, 0, 1, 'float32', 1), tf.randomNormal(sb, 0, 1, 'float32', 2), ta, tb);
      const [c, w] = [await on('cpu', f), await on('wasm', f)];
      const scale = Math.max(...c.map(Math.abs));
      for (let i = 0; i < c.length; i++) expect(Math.abs(c[i]! - w[i]!)).toBeLessThan(1e-4 * scale);
    });
  }

  it('when the fused matMul has bias, relu and transposes then wasm agrees with cpu', async () => {
    const f = () =>
      tf.fused.matMul({ a: tf.randomNormal([40, 9], 0, 1, 'float32', 3), b: tf.randomNormal([7, 40], 0, 1, 'float32', 4), transposeA: true, transposeB: true, bias: tf.randomNormal([7], 0, 1, 'float32', 5), activation: 'relu' });
    const [c, w] = [await on('cpu', f), await on('wasm', f)];
    for (let i = 0; i < c.length; i++) expect(Math.abs(c[i]! - w[i]!)).toBeLessThan(1e-4);
  });

  it('when gradients of a dense layer are taken on wasm then they match cpu and nothing leaks', async () => {
    const f = () => {
      const x = tf.randomNormal([16, 12], 0, 1, 'float32', 6);
      const w = tf.randomNormal([12, 5], 0, 1, 'float32', 7);
      const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.matMul(a, b))))([x, w]);
      return tf.concat([dx!.flatten(), dw!.flatten()]);
    };
    const c = await on('cpu', f);
    const before = tf.memory().numTensors;
    const w = await on('wasm', f);
    expect(tf.memory().numTensors).toBe(before);
    const scale = Math.max(...c.map(Math.abs));
    for (let i = 0; i < c.length; i++) expect(Math.abs(c[i]! - w[i]!)).toBeLessThan(1e-4 * scale);
  });

  it('when the inner dimension is empty then the product is cpu\'s zeros (plus bias and activation), whatever the heap held', async () => {
    await selectBackend('wasm');
    // Leave non-zero garbage on the heap where the output may land.
    for (let i = 0; i < 5; i++) tf.dispose(tf.mul(tf.randomNormal([64], 0, 1, 'float32', i), 3));
    for (const [sa, sb, ta, tb] of [[[2, 0], [0, 3], false, false], [[0, 2], [0, 3], true, false], [[4, 2, 0], [4, 3, 0], false, true]] as [number[], number[], boolean, boolean][]) {
      const f = () => tf.matMul(tf.ones(sa), tf.ones(sb), ta, tb);
      const [c, w] = [await on('cpu', f), await on('wasm', f)];
      expect(Array.from(w), `[${sa}]·[${sb}]`).toEqual(Array.from(c));
      expect(Array.from(w).every((v) => v === 0)).toBe(true);
    }
    const fused = () => tf.fused.matMul({ a: tf.ones([3, 0]), b: tf.ones([0, 2]), bias: tf.tensor1d([-1, 2]), activation: 'relu' });
    const [c, w] = [await on('cpu', fused), await on('wasm', fused)];
    expect(Array.from(w)).toEqual(Array.from(c));
    expect(Array.from(w)).toEqual([0, 2, 0, 2, 0, 2]);
  });
});
