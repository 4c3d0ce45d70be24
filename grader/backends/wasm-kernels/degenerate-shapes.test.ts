import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';
import { expectClose, size, values } from './kernel-test-support.ts';

/**
 * Every kernel the project adds to wasm (register.ts), reached through the op a student
 * would call and its gradient, at degenerate shapes: size-1 axes, batch 1, 1×1 images,
 * windows as large as the input, strides larger than the window, empty tensors. Each result
 * (value, then every gradient) is compared with the cpu backend's own kernels, shapes and
 * dtypes included, and neither backend may leak a tensor.
 */
type Outputs = () => tf.Tensor[];

async function run(backend: 'cpu' | 'wasm', f: Outputs): Promise<{ shape: number[]; dtype: string; data: Float32Array }[]> {
  await selectBackend(backend);
  const before = tf.memory().numTensors;
  const ts = tf.tidy(f);
  const out = [];
  for (const t of ts) out.push({ shape: t.shape, dtype: t.dtype, data: Float32Array.from(await t.data()) });
  tf.dispose(ts);
  expect(tf.memory().numTensors, `${backend} leaked tensors`).toBe(before);
  return out;
}

async function expectParity(f: Outputs): Promise<void> {
  const cpu = await run('cpu', f);
  const wasm = await run('wasm', f);
  expect(wasm.length).toBe(cpu.length);
  cpu.forEach((c, i) => {
    expect(wasm[i]!.shape, `output ${i}: shape`).toEqual(c.shape);
    expect(wasm[i]!.dtype, `output ${i}: dtype`).toBe(c.dtype);
    expectClose(wasm[i]!.data, c.data, `output ${i}`);
  });
}

const t = (shape: number[], seed: number) => tf.tensor(values(size(shape), seed), shape);

/** The value of op(...args) and its gradient w.r.t. every argument, for a seeded upstream dy. */
function valueAndGrads(op: (...xs: tf.Tensor[]) => tf.Tensor, shapes: number[][]): Outputs {
  return () => {
    const args = shapes.map((s, i) => t(s, i + 1));
    const y = op(...args);
    const dy = t(y.shape, 99);
    const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(op(...xs), dy)))(args);
    return [y, ...grads];
  };
}

describe('project wasm kernels at degenerate shapes, against cpu', () => {
  describe('UnsortedSegmentSum (tf.gather\'s gradient)', () => {
    const gathers: [string, number[], number[], number][] = [
      ['gather [0] from an axis of size 1 ([2, 1, 3], axis 1: one segment)', [2, 1, 3], [0], 1],
      ['gather from a scalar-sized leading axis ([1], axis 0)', [1], [0, 0, 0], 0],
      ['gather nothing (empty indices)', [3, 2], [], 0],
      ['gather from [1, 1] twice', [1, 1], [0, 0], 1],
      ['gather with a batch of 1 and repeated indices', [1, 4, 2], [3, 3, 0], 1],
      ['gather from the last axis, every index once', [2, 3, 5], [4, 0, 2, 1, 3], 2],
    ];
    for (const [label, shape, indices, axis] of gathers) {
      it(label, async () => {
        await expectParity(valueAndGrads((x) => tf.gather(x, tf.tensor1d(indices, 'int32'), axis), [shape]));
      });
    }

    it('gather with 2-D indices (the gradient flattens them)', async () => {
      await expectParity(valueAndGrads((x) => tf.gather(x, tf.tensor2d([[1, 0], [1, 1]], [2, 2], 'int32'), 0), [[2, 3]]));
    });

    const direct: [string, () => tf.Tensor][] = [
      ['one segment', () => tf.unsortedSegmentSum(t([4, 3], 1), tf.tensor1d([0, 0, 0, 0], 'int32'), 1)],
      ['no rows', () => tf.unsortedSegmentSum(tf.zeros([0, 3]), tf.tensor1d([], 'int32'), 2)],
      ['rows of width 0', () => tf.unsortedSegmentSum(tf.zeros([3, 0]), tf.tensor1d([0, 1, 1], 'int32'), 2)],
      ['every id out of range', () => tf.unsortedSegmentSum(t([3], 2), tf.tensor1d([-1, 5, 2], 'int32'), 2)],
    ];
    for (const [label, f] of direct) {
      it(`tf.unsortedSegmentSum: ${label}`, async () => {
        await expectParity(() => [f()]);
      });
    }

    it('tf.unsortedSegmentSum of int32 values, one segment: the same sums; wasm keeps int32 as TensorFlow does, cpu returns float32', async () => {
      const f = () => tf.unsortedSegmentSum(tf.tensor1d([4, -7, 9], 'int32'), tf.tensor1d([0, 0, 0], 'int32'), 1);
      const [cpu] = await run('cpu', () => [f()]);
      const [wasm] = await run('wasm', () => [f()]);
      expect(Array.from(wasm!.data)).toEqual(Array.from(cpu!.data));
      expect(Array.from(wasm!.data)).toEqual([6]);
      // cpu's kernel multiplies by a float32 mask; tfjs-node (TensorFlow) keeps the input's dtype, and so does this one.
      expect([cpu!.dtype, wasm!.dtype]).toEqual(['float32', 'int32']);
    });
  });

  describe('Conv2DBackpropFilter and Conv2DBackpropInput (tf.conv2d\'s gradients)', () => {
    const convs: [string, number[], number[], number | [number, number], 'valid' | 'same' | number][] = [
      ['a 1×1 image, 1×1 kernel, batch 1', [1, 1, 1, 1], [1, 1, 1, 1], 1, 'valid'],
      ['a 1×1 image, 3×3 kernel, same padding', [1, 1, 1, 2], [3, 3, 2, 1], 1, 'same'],
      ['a kernel as large as the image (1×1 output)', [2, 4, 5, 3], [4, 5, 3, 2], 1, 'valid'],
      ['a kernel as large as the image, stride larger than it', [1, 3, 3, 1], [3, 3, 1, 1], 5, 'valid'],
      ['stride 3 over a 2×2 kernel (rows skipped)', [1, 7, 8, 2], [2, 2, 2, 3], 3, 'valid'],
      ['stride [4, 1] over a 1×3 kernel, same padding', [2, 5, 6, 1], [1, 3, 1, 2], [4, 1], 'same'],
      ['a 1-row image', [1, 1, 9, 2], [1, 3, 2, 2], 2, 'valid'],
      ['a 1-column image with pad 1', [3, 6, 1, 1], [3, 3, 1, 1], 1, 1],
      ['one output channel, one input channel, stride 2 same', [1, 5, 5, 1], [3, 3, 1, 1], 2, 'same'],
    ];
    for (const [label, xShape, wShape, strides, pad] of convs) {
      it(label, async () => {
        await expectParity(valueAndGrads((x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, strides, pad), [xShape, wShape]));
      });
    }
  });

  describe('MaxPoolGrad (tf.maxPool\'s gradient)', () => {
    const pools: [string, number[], number | [number, number], number | [number, number], 'valid' | 'same'][] = [
      ['a 1×1 image, 1×1 window', [1, 1, 1, 1], 1, 1, 'valid'],
      ['a 1×1 image, 3×3 window, same padding', [2, 1, 1, 3], 3, 1, 'same'],
      ['a window as large as the image (1×1 output)', [2, 4, 3, 2], [4, 3], 1, 'valid'],
      ['a window as large as the image, stride larger than it', [1, 2, 2, 1], 2, 4, 'valid'],
      ['stride 3 over a 2×2 window (rows skipped)', [1, 8, 7, 2], 2, 3, 'valid'],
      ['stride larger than the window, same padding', [1, 5, 5, 1], 2, 3, 'same'],
      ['a 1-row image', [1, 1, 6, 1], [1, 2], [1, 2], 'valid'],
    ];
    for (const [label, shape, k, s, pad] of pools) {
      it(label, async () => {
        await expectParity(valueAndGrads((x) => tf.maxPool(x as tf.Tensor4D, k, s, pad), [shape]));
      });
    }
    it('a window of ties (zeros after a ReLU), as large as the image', async () => {
      await expectParity(() => {
        const x = tf.zeros([1, 3, 3, 2]) as tf.Tensor4D;
        return [tf.grad((v: tf.Tensor) => tf.sum(tf.maxPool(v as tf.Tensor4D, 3, 1, 'valid')))(x)];
      });
    });
  });

  describe('BatchMatMul with transposes (the dense layers\' gradients)', () => {
    const products: [string, number[], number[], boolean, boolean][] = [
      ['[1, 1] · [1, 1]', [1, 1], [1, 1], false, false],
      ['[1, 1]ᵀ · [1, 4]', [1, 1], [1, 4], true, false],
      ['[3, 1] · [5, 1]ᵀ (an outer product)', [3, 1], [5, 1], false, true],
      ['[1, 3]ᵀ · [1, 2] (batch 1 weight gradient)', [1, 3], [1, 2], true, false],
      ['batched, batch 1, both transposed', [1, 2, 3], [1, 4, 2], true, true],
    ];
    for (const [label, a, b, ta, tb] of products) {
      it(label, async () => {
        await expectParity(valueAndGrads((x, y) => tf.matMul(x, y, ta, tb), [a, b]));
      });
    }
    it('an empty inner dimension ([0, 2]ᵀ · [0, 3]: a [2, 3] of zeros)', async () => {
      await expectParity(() => [tf.matMul(tf.zeros([0, 2]), tf.zeros([0, 3]), true, false)]);
    });
    it('a dense layer on a batch of 1 (fused matMul + bias + relu)', async () => {
      await expectParity(valueAndGrads((x, w, b) => tf.fused.matMul({ a: x as tf.Tensor2D, b: w as tf.Tensor2D, bias: b, activation: 'relu' }), [[1, 5], [5, 3], [3]]));
    });
  });

  describe('Sum over leading axes (bias gradients)', () => {
    const sums: [string, number[], number[]][] = [
      ['[1, 1, 1, 4] over [0, 1, 2] (a 1×1 image, batch 1)', [1, 1, 1, 4], [0, 1, 2]],
      ['[1, 5] over [0]', [1, 5], [0]],
      ['[6, 1] over [0]', [6, 1], [0]],
      ['[0, 3] over [0] (empty batch)', [0, 3], [0]],
      ['[2, 0, 3] over [0, 1]', [2, 0, 3], [0, 1]],
    ];
    for (const [label, shape, axes] of sums) {
      it(label, async () => {
        await expectParity(valueAndGrads((x) => tf.sum(x, axes), [shape]));
      });
    }
    it('a conv bias gradient on a 1×1 image, batch 1', async () => {
      await expectParity(valueAndGrads((x, w, b) => tf.add(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same'), b), [[1, 1, 1, 2], [1, 1, 2, 3], [3]]));
    });
  });
});

describe('wasm reductions of empty inputs (empty-reductions.ts), against cpu', () => {
  const reductions: [string, () => tf.Tensor][] = [
    ['sum over an empty batch', () => tf.sum(tf.zeros([0, 3]), 0)],
    ['sum of an empty vector', () => tf.sum(tf.zeros([0]))],
    ['sum over an empty inner axis', () => tf.sum(tf.zeros([3, 0]), 1)],
    ['int32 sum over an empty batch', () => tf.sum(tf.zeros([0, 3], 'int32'), 0)],
    ['prod', () => tf.prod(tf.zeros([0, 3]), 0)],
    ['mean', () => tf.mean(tf.zeros([0, 3]), 0)],
    ['max', () => tf.max(tf.zeros([0, 3]), 0)],
    ['min', () => tf.min(tf.zeros([2, 0]), 1, true)],
    ['any', () => tf.any(tf.zeros([0, 3], 'bool'), 0)],
    ['all', () => tf.all(tf.zeros([0, 3], 'bool'), 0)],
    ['euclideanNorm', () => tf.euclideanNorm(tf.zeros([0, 3]), 0)],
    ['logSumExp', () => tf.logSumExp(tf.zeros([0, 3]), 0)],
  ];
  for (const [label, f] of reductions) {
    it(label, async () => {
      // Dirty the heap first: the bug showed whatever the last freed tensor left there.
      await selectBackend('wasm');
      tf.tidy(() => tf.randomUniform([256], 0.25, 1, 'float32', 7).dataSync());
      const cpu = await run('cpu', () => [f()]);
      const wasm = await run('wasm', () => [f()]);
      expect(wasm[0]!.shape).toEqual(cpu[0]!.shape);
      expect(wasm[0]!.dtype).toBe(cpu[0]!.dtype);
      expect(Array.from(wasm[0]!.data)).toEqual(Array.from(cpu[0]!.data));
    });
  }
});

describe('kernels wasm lacks, run by the cpu backend (cpu-fallback.ts), against cpu', () => {
  const cpuDataIds = () => (tf.engine().findBackend('cpu') as unknown as { numDataIds(): number }).numDataIds();
  const depthwise: [string, number[], number[], number, 'valid' | 'same'][] = [
    ['a 1×1 image, 1×1 kernel', [1, 1, 1, 1], [1, 1, 1, 1], 1, 'valid'],
    ['a 1×1 image, 3×3 kernel, same, channel multiplier 2', [2, 1, 1, 2], [3, 3, 2, 2], 1, 'same'],
    ['a kernel as large as the image', [1, 3, 4, 2], [3, 4, 2, 1], 1, 'valid'],
    ['stride 2 over a 3×3 kernel, same', [2, 5, 5, 3], [3, 3, 3, 1], 2, 'same'],
  ];
  for (const [label, xShape, wShape, strides, pad] of depthwise) {
    it(`tf.depthwiseConv2d's gradients: ${label}`, async () => {
      await expectParity(valueAndGrads((x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, strides, pad), [xShape, wShape]));
    });
  }

  it('tf.einsum (a matrix product and a batched contraction) runs on wasm as on cpu', async () => {
    await expectParity(() => [tf.einsum('ij,jk->ik', t([2, 3], 1), t([3, 1], 2)), tf.einsum('bij,bjk->bik', t([1, 2, 2], 3), t([1, 2, 3], 4))]);
  });

  it('when a fallback kernel runs then no copy is left on the cpu backend', async () => {
    await selectBackend('cpu');
    const before = cpuDataIds();
    await run('wasm', valueAndGrads((x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same'), [[1, 4, 4, 2], [3, 3, 2, 1]]));
    await run('wasm', () => [tf.einsum('ij,jk->ik', t([2, 3], 1), t([3, 1], 2))]);
    expect(cpuDataIds()).toBe(before);
  });
});
