import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';

async function on(backend: 'cpu' | 'wasm', f: () => tf.Tensor): Promise<number[]> {
  await selectBackend(backend);
  const before = tf.memory().numTensors;
  const t = tf.tidy(f);
  const data = Array.from(await t.data());
  t.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return data;
}

describe('wasm UnsortedSegmentSum', () => {
  it('when summing rows by segment id then wasm matches the textbook sums and cpu', async () => {
    const f = () => tf.unsortedSegmentSum(tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]), tf.tensor1d([2, 0, 2, 5], 'int32'), 4);
    // id 5 is outside [0, 4): dropped, as in TensorFlow.
    expect(await on('wasm', f)).toEqual([3, 4, 0, 0, 6, 8, 0, 0]);
    expect(await on('cpu', f)).toEqual([3, 4, 0, 0, 6, 8, 0, 0]);
  });

  it('when tf.gather is differentiated on wasm then the gradient matches cpu (repeated indices add up)', async () => {
    const f = () => tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.gather(x, tf.tensor1d([0, 2, 2, 1, 0], 'int32')), tf.tensor2d([[1, 1], [2, 2], [3, 3], [4, 4], [5, 5]]))))(tf.ones([3, 2]));
    const w = await on('wasm', f);
    expect(w).toEqual(await on('cpu', f));
    expect(w).toEqual([6, 6, 4, 4, 5, 5]);
  });

  it('when integer values are summed then the dtype stays int32', async () => {
    await selectBackend('wasm');
    const t = tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3], 'int32'), tf.tensor1d([1, 1, 0], 'int32'), 2);
    expect(t.dtype).toBe('int32');
    expect(Array.from(await t.data())).toEqual([3, 3]);
    t.dispose();
  });
});
