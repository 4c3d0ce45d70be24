import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';

async function gradOn(backend: 'cpu' | 'wasm', x: () => tf.Tensor4D, k: [number, number], s: [number, number], pad: 'valid' | 'same' | number): Promise<number[]> {
  await selectBackend(backend);
  const before = tf.memory().numTensors;
  const g = tf.tidy(() => {
    const input = x();
    const y = tf.maxPool(input, k, s, pad);
    const dy = tf.randomUniform(y.shape, 0.5, 1.5, 'float32', 9);
    return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, k, s, pad), dy)))(input);
  });
  const data = Array.from(await g.data());
  g.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return data;
}

const inputs: [string, () => tf.Tensor4D][] = [
  ['random values', () => tf.randomNormal([2, 7, 6, 3], 0, 1, 'float32', 1) as tf.Tensor4D],
  ['all zeros (after a ReLU)', () => tf.zeros([1, 5, 5, 2]) as tf.Tensor4D],
  ['distinct negatives', () => tf.neg(tf.range(1, 1 + 4 * 4 * 2).reshape([1, 4, 4, 2])) as tf.Tensor4D],
  ['ReLU of random values', () => tf.relu(tf.randomNormal([2, 6, 6, 4], 0, 1, 'float32', 2)) as tf.Tensor4D],
  ['pairs of ties', () => tf.tensor4d([1, 1, 0, 2, 3, 3, 2, 0, -1, -1, 5, 5, 4, 0, 4, 1], [1, 4, 4, 1])],
  // 2×2 windows: NaN first, NaN last, all −∞ (cpu routes no gradient: nothing beats its −∞ start), +∞ tie.
  ['NaN and ±Infinity', () => tf.tensor4d([NaN, 1, -Infinity, -Infinity, 2, 3, -Infinity, -Infinity, 0, Infinity, 4, NaN, Infinity, -1, 5, 6], [1, 4, 4, 1])],
  ['an odd size (the last row and column belong to no 2×2 window)', () => tf.randomNormal([3, 5, 7, 5], 0, 1, 'float32', 4) as tf.Tensor4D],
];
const geometries: [number[], number[], 'valid' | 'same' | number][] = [
  [[2, 2], [2, 2], 'valid'],
  [[3, 3], [1, 1], 'same'],
  [[2, 3], [1, 2], 'valid'],
  // Numeric pads only with square windows: tfjs 4.22 derives the output width from the window height for numeric pads.
  [[3, 3], [2, 2], 1],
];

describe('wasm MaxPoolGrad (replacing wasm\'s own)', () => {
  for (const [label, x] of inputs) {
    for (const [k, s, pad] of geometries) {
      it(`when the input is ${label}, k=${k}, s=${s}, pad=${pad} then wasm routes the gradient exactly as cpu`, async () => {
        const c = await gradOn('cpu', x, k as [number, number], s as [number, number], pad);
        const w = await gradOn('wasm', x, k as [number, number], s as [number, number], pad);
        for (let i = 0; i < c.length; i++) expect(Math.abs(c[i]! - w[i]!)).toBeLessThan(1e-6);
      });
    }
  }

  it('when a 3×3 input of zeros is pooled 2×2 with stride 1 then each of the 4 windows passes its gradient on', async () => {
    await selectBackend('wasm');
    const g = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(tf.maxPool(t as tf.Tensor4D, 2, 1, 'valid')))(tf.zeros([1, 3, 3, 1]) as tf.Tensor4D));
    expect(Array.from(await g.data()).reduce((a, b) => a + b, 0)).toBe(4);
    g.dispose();
  });
  it('when allocating its output grows the wasm memory then the gradient is still routed (views taken before growth detach)', async () => {
    await selectBackend('wasm');
    const heap = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer.byteLength;
    // An input as large as the whole heap: allocating it grows the heap to about twice that,
    // and the kernel's output (the input's size again) must grow it once more.
    const side = Math.ceil(Math.sqrt(heap() / 4 / 8)); // [1, side, side, 8] float32 ≈ the heap's size
    const input = tf.randomUniform([1, side, side, 8], 0, 1, 'float32', 3) as tf.Tensor4D;
    const dy = tf.ones([1, Math.floor(side / 2), Math.floor(side / 2), 8]) as tf.Tensor4D;
    const output = tf.maxPool(input, 2, 2, 'valid');
    const before = heap();
    const g = tf.engine().runKernel(tf.MaxPoolGrad, { dy, input, output }, { filterSize: 2, strides: 2, pad: 'valid' }) as tf.Tensor;
    expect(heap(), 'the heap did not grow during the call: this test no longer tests growth').toBeGreaterThan(before);
    // Every window hands its gradient (1) to exactly one position.
    expect(await tf.sum(g).data()).toEqual(new Float32Array([dy.size]));
    tf.dispose([input, dy, output, g]);
  });
});
