import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';
import { expectClose, onBothBackends, size, values } from './kernel-test-support.ts';

// Concat, SplitV, GatherV2 and tiled AvgPoolGrad on wasm are copies (and one exact product per
// value for AvgPoolGrad): they must equal the cpu backend's results exactly, not just closely.

/** Runs f on cpu and on wasm; the two flattened results (several outputs concatenated) must be identical. */
async function sameOnBoth(f: () => tf.Tensor | tf.Tensor[], what: string): Promise<void> {
  const flat = () => {
    const r = f();
    const parts = Array.isArray(r) ? r : [r];
    return parts.length === 0 ? tf.zeros([0]) : tf.concat(parts.map((t) => tf.cast(t.reshape([-1]), 'float32')));
  };
  const { cpu, wasm } = await onBothBackends(flat);
  expect(Array.from(wasm), what).toEqual(Array.from(cpu));
}

const t = (shape: number[], seed: number) => tf.tensor(values(size(shape), seed), shape);

describe('wasm Concat and SplitV (block copies) vs cpu', () => {
  const concatCases: [string, number[][], number][] = [
    ['channels of two images (DenseNet)', [[2, 3, 4, 5], [2, 3, 4, 3]], 3],
    ['three inputs, long rows (set path)', [[2, 70], [2, 100], [2, 1]], 1],
    ['axis 0', [[1, 3], [4, 3]], 0],
    ['a middle axis', [[2, 1, 5], [2, 3, 5], [2, 2, 5]], 1],
    ['an empty input among others', [[2, 0, 3], [2, 2, 3], [2, 1, 3]], 1],
    ['every input empty', [[0, 3], [0, 3]], 0],
    ['1-D', [[5], [1], [7]], 0],
    ['negative axis', [[2, 2, 3], [2, 2, 4]], -1],
  ];
  it.each(concatCases)('concat: %s', async (label, shapes, axis) => {
    await sameOnBoth(() => tf.concat(shapes.map((s, i) => t(s, i + 1)), axis), label);
  });

  it('concat of int32 and bool tensors', async () => {
    await sameOnBoth(() => tf.concat([tf.tensor2d([[1, 2], [3, 4]], undefined, 'int32'), tf.tensor2d([[5], [6]], undefined, 'int32')], 1), 'int32');
    await sameOnBoth(() => tf.concat([tf.tensor1d([true, false], 'bool'), tf.tensor1d([false, true, true], 'bool')]), 'bool');
  });

  const splitCases: [string, number[], number[] | number, number][] = [
    ['channels (DenseNet gradient)', [2, 3, 4, 8], [5, 3], 3],
    ['equal parts, axis 1', [3, 6, 2], 3, 1],
    ['a part of size 0 and one inferred (-1)', [2, 7], [0, 2, -1], 1],
    ['long rows (set path)', [2, 200], [70, 130], 1],
    ['axis 0', [5, 3], [2, 3], 0],
    ['an empty input', [0, 4], [1, 3], 1],
  ];
  it.each(splitCases)('split: %s', async (label, shape, sizes, axis) => {
    await sameOnBoth(() => tf.split(t(shape, 3), sizes, axis), label);
  });

  it('the gradient of a DenseNet join (conv, concat, conv) matches cpu', async () => {
    const f = () => {
      const x = t([2, 5, 5, 3], 4);
      const w1 = t([3, 3, 3, 2], 5);
      const w2 = t([1, 1, 5, 4], 6);
      const [gx, g1, g2] = tf.grads((a, b, c) => tf.sum(tf.square(tf.conv2d(tf.concat([a as tf.Tensor4D, tf.relu(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'))], 3), c as tf.Tensor4D, 1, 'valid'))))([x, w1, w2]);
      return tf.concat([gx!.reshape([-1]), g1!.reshape([-1]), g2!.reshape([-1])]);
    };
    const { cpu, wasm } = await onBothBackends(f);
    expectClose(wasm, cpu, 'gradients');
  });

  it('leaves no tensor or buffer behind', async () => {
    await selectBackend('wasm');
    const before = { tensors: tf.memory().numTensors, ids: tf.backend().numDataIds() };
    tf.tidy(() => {
      const parts = tf.split(t([4, 6, 3], 1), [1, 2, 3], 1);
      return tf.concat(parts, 1);
    }).dispose();
    expect(tf.memory().numTensors).toBe(before.tensors);
    expect(tf.backend().numDataIds()).toBe(before.ids);
  });
});

describe('wasm GatherV2 (block copies) vs cpu', () => {
  const cases: [string, number[], number[], number[], number][] = [
    ['minibatch rows', [10, 7], [3, 0, 9, 3], [4], 0],
    ['long rows (set path)', [6, 784], [5, 1], [2], 0],
    ['axis 1 of a 3-D tensor', [2, 5, 3], [4, 0, 4], [3], 1],
    ['the last axis', [3, 4], [3, 1], [2], 1],
    ['2-D indices', [6, 2], [1, 2, 3, 5, 0, 0], [2, 3], 0],
    ['no indices', [4, 3], [], [0], 0],
    ['an empty row size', [4, 0], [1, 2], [2], 0],
  ];
  it.each(cases)('%s', async (label, shape, idx, idxShape, axis) => {
    await sameOnBoth(() => tf.gather(t(shape, 2), tf.tensor(idx, idxShape, 'int32'), axis), label);
  });

  it('int32 values, and its gradient (UnsortedSegmentSum) matches cpu', async () => {
    await sameOnBoth(() => tf.gather(tf.tensor2d([[1, 2], [3, 4], [5, 6]], undefined, 'int32'), tf.tensor1d([2, 2, 0], 'int32')), 'int32');
    const f = () => tf.grad((x) => tf.sum(tf.square(tf.gather(x, tf.tensor1d([1, 1, 3, 0], 'int32')))))(t([4, 5], 7));
    const { cpu, wasm } = await onBothBackends(f);
    expectClose(wasm, cpu, 'gather gradient');
  });

  it('an index out of range is the same error as before', async () => {
    await selectBackend('wasm');
    const x = t([3, 2], 1);
    for (const bad of [3, -1]) {
      const i = tf.tensor1d([0, bad], 'int32');
      expect(() => tf.gather(x, i)).toThrow(`GatherV2: the index value ${bad} is not in [0, 2]`);
      i.dispose();
    }
    x.dispose();
  });
});

describe('wasm AvgPoolGrad for tiling windows vs cpu', () => {
  const cases: [string, number[], [number, number], [number, number], 'valid' | 'same' | number][] = [
    ['2×2 stride 2 (DenseNet transition)', [2, 6, 6, 3], [2, 2], [2, 2], 'valid'],
    ['odd size: the last row and column get no gradient', [2, 7, 5, 2], [2, 2], [2, 2], 'valid'],
    ['3×3 stride 3 (1/9 is not exact in float32)', [1, 9, 6, 4], [3, 3], [3, 3], 'valid'],
    ['2×3 windows, stride 2×3', [2, 4, 9, 1], [2, 3], [2, 3], 'valid'],
    ['zero numeric pad', [1, 4, 4, 2], [2, 2], [2, 2], 0],
    // Not tiling: wasm's own kernel, checked here so the fallback stays covered.
    ['overlapping windows (fallback)', [1, 5, 5, 2], [3, 3], [1, 1], 'valid'],
    ['same padding (fallback)', [1, 5, 5, 2], [2, 2], [2, 2], 'same'],
  ];
  it.each(cases)('%s', async (label, shape, k, s, pad) => {
    const f = () => {
      const x = t(shape, 3) as tf.Tensor4D;
      const r = tf.tensor(values(size(tf.avgPool(x, k, s, pad).shape), 4), tf.avgPool(x, k, s, pad).shape);
      return tf.grad((v) => tf.sum(tf.mul(tf.avgPool(v as tf.Tensor4D, k, s, pad), r)))(x);
    };
    if (label.includes('fallback')) {
      // wasm's own kernel sums overlapping windows in another order: close, not identical.
      const { cpu, wasm } = await onBothBackends(f);
      expectClose(wasm, cpu, label);
    } else {
      await sameOnBoth(f, label);
    }
  });
});
