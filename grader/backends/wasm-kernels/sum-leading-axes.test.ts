import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';

import { values } from './kernel-test-support.ts';


async function sumOn(backend: 'cpu' | 'wasm', make: () => tf.Tensor, axis: number | number[] | undefined, keepDims: boolean) {
  await selectBackend(backend);
  const before = tf.memory().numTensors;
  const s = tf.tidy(() => tf.sum(make(), axis, keepDims));
  const out = { shape: s.shape, dtype: s.dtype, data: Array.from(await s.data()) };
  s.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return out;
}

// [shape, axis] pairs: leading axes (the ones-product path) and every other kind (wasm's own Sum).
const CASES: [number[], number | number[] | undefined][] = [
  [[64, 26, 26, 16], [0, 1, 2]], // a conv bias gradient
  [[5, 7, 3], [0, 1]],
  [[5, 7, 3], [1, 0]], // the same axes out of order
  [[5, 7, 3], 0],
  [[1, 1, 4], [0, 1]],
  [[9, 2], [0]],
  [[9, 2], -2], // a negative axis naming the leading one
  [[4, 6, 5, 3], [0, 1, 2]],
  [[4, 6, 5, 3], [1, 2]], // inner axes: wasm's own kernel
  [[4, 6, 5, 3], [0, 2]], // not contiguous: wasm's own kernel
  [[4, 6, 5, 3], [0, 1, 2, 3]], // all axes: wasm's own kernel
  [[4, 6, 5, 3], undefined],
  [[7], 0],
];

describe('wasm Sum over leading axes (a loop over the heap) vs cpu', () => {
  for (const [shape, axis] of CASES) {
    for (const keepDims of [false, true]) {
      it(`shape [${shape}], axis ${JSON.stringify(axis)}, keepDims ${keepDims}`, async () => {
        const n = shape.reduce((a, b) => a * b, 1);
        const make = () => tf.tensor(values(n, n), shape);
        const cpu = await sumOn('cpu', make, axis, keepDims);
        const wasm = await sumOn('wasm', make, axis, keepDims);
        expect(wasm.shape).toEqual(cpu.shape);
        expect(wasm.dtype).toBe(cpu.dtype);
        // float32 sums of up to 43,264 terms of size ≤ 1, in different orders.
        const tol = 1e-6 * n ** 0.5 * 10 + 1e-5;
        cpu.data.forEach((v, i) => expect(Math.abs(wasm.data[i]! - v), `element ${i}: wasm ${wasm.data[i]}, cpu ${v}`).toBeLessThan(tol));
      });
    }
  }

  it('int32 sums stay exact integers (wasm\'s own kernel)', async () => {
    const make = () => tf.tensor3d(Int32Array.from({ length: 60 }, (_, i) => i * 1001 - 20000), [3, 4, 5], 'int32');
    const cpu = await sumOn('cpu', make, [0, 1], false);
    const wasm = await sumOn('wasm', make, [0, 1], false);
    expect(wasm).toEqual(cpu);
  });

  it('the bias gradient of a conv layer matches cpu', async () => {
    const gradB = async (backend: 'cpu' | 'wasm') => {
      await selectBackend(backend);
      const g = tf.tidy(() => {
        const x = tf.tensor4d(values(3 * 6 * 5 * 2, 1), [3, 6, 5, 2]);
        const w = tf.tensor4d(values(3 * 3 * 2 * 4, 2), [3, 3, 2, 4]);
        const r = tf.tensor4d(values(3 * 6 * 5 * 4, 3), [3, 6, 5, 4]);
        return tf.grad((b) => tf.sum(tf.mul(tf.fused.conv2d({ x, filter: w, strides: 1, pad: 'same', bias: b, activation: 'relu' }), r)))(tf.zeros([4]));
      });
      const data = Array.from(await g.data());
      g.dispose();
      return data;
    };
    const cpu = await gradB('cpu');
    const wasm = await gradB('wasm');
    cpu.forEach((v, i) => expect(Math.abs(wasm[i]! - v)).toBeLessThan(1e-5));
  });
});
