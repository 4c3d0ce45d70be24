import { describe, it, expect, afterEach } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { backend_util } from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';
import { registerWasmKernels } from './register.ts';
import { conv2DBackpropInput, setConv2DBackpropInputMethod } from './conv2dBackpropInput.ts';
import { expectClose, onBothBackends, size, values, type Pad, type Shape4, type Strides } from './kernel-test-support.ts';

/** The kernel called directly: dy of the shape the forward conv of `inputShape` gives. */
function runInputKernel(inputShape: Shape4, filterShape: Shape4, strides: Strides, pad: Pad, dimRoundingMode?: 'floor' | 'round' | 'ceil') {
  const info = backend_util.computeConv2DInfo(inputShape, filterShape, strides, 1, pad, dimRoundingMode);
  return () => {
    const dy = tf.tensor4d(values(size(info.outShape), 1), info.outShape);
    const filter = tf.tensor4d(values(size(filterShape), 2), filterShape);
    return tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter }, { strides, pad, dataFormat: 'NHWC', dimRoundingMode, inputShape } as unknown as tf.NamedAttrMap) as tf.Tensor;
  };
}

const PADS: [string, Pad][] = [
  ['valid', 'valid'],
  ['same', 'same'],
  ['0', 0],
  ['1', 1],
  ['2', 2],
  ['explicit symmetric', [[0, 0], [1, 1], [2, 2], [0, 0]]],
  ['explicit asymmetric', [[0, 0], [2, 0], [0, 3], [0, 0]]],
  ['explicit asymmetric, 1 px', [[0, 0], [0, 1], [1, 0], [0, 0]]],
  // Pads wider than the kernel: whole rows/columns of dy only ever see x's padding (cropped).
  ['explicit, wider than the kernel', [[0, 0], [4, 0], [1, 5], [0, 0]]],
];
const STRIDES: Strides[] = [1, 2, [1, 2], [2, 1]];
const SHAPES: { name: string; x: Shape4; filter: Shape4 }[] = [
  { name: 'B=1, C1=1, C2=2, square 3x3', x: [1, 8, 8, 1], filter: [3, 3, 1, 2] },
  { name: 'B=1, C1=16, C2=32, 3x3 (the reference CNN\'s second conv)', x: [1, 13, 13, 16], filter: [3, 3, 16, 32] },
  { name: 'B=3, C1=4, C2=5, 2x3 kernel, 9x7 image', x: [3, 9, 7, 4], filter: [2, 3, 4, 5] },
  { name: 'B=2, C1=3, C2=3, 4x1 kernel, 6x11 image', x: [2, 6, 11, 3], filter: [4, 1, 3, 3] },
  { name: 'B=1, C1=7, C2=1, 1x1 kernel', x: [1, 5, 6, 7], filter: [1, 1, 7, 1] },
];
const METHODS = ['conv', 'loop'] as const;

afterEach(() => setConv2DBackpropInputMethod('auto'));

describe('wasm Conv2DBackpropInput kernel vs cpu, same dy and filter', () => {
  for (const shape of SHAPES) {
    describe(shape.name, () => {
      it.each(PADS)('pad %s, strides 1, 2, [1,2], [2,1], both implementations', async (_, pad) => {
        for (const strides of STRIDES) {
          for (const method of METHODS) {
            setConv2DBackpropInputMethod(method);
            const { cpu, wasm } = await onBothBackends(runInputKernel(shape.x, shape.filter, strides, pad));
            expectClose(wasm, cpu, `${method}, strides ${JSON.stringify(strides)}`);
          }
        }
      });
    });
  }

  it.each(['floor', 'round', 'ceil'] as const)('dimRoundingMode %s with a numeric pad', async (mode) => {
    // (8 - 3 + 2·1) / 2 + 1 = 4.5 output rows: the mode decides whether a window hangs over the bottom pad.
    const { cpu, wasm } = await onBothBackends(runInputKernel([2, 8, 8, 3], [3, 3, 3, 2], 2, 1, mode));
    expectClose(wasm, cpu, mode);
  });

  it('stride 3 over a 2-wide kernel: some input rows get no gradient at all', async () => {
    const { cpu, wasm } = await onBothBackends(runInputKernel([2, 10, 11, 2], [2, 2, 2, 3], 3, 'valid'));
    expectClose(wasm, cpu, 'stride 3');
  });

  it('all windows inside the padding give zeros', async () => {
    const pad: Pad = [[0, 0], [6, 0], [0, 0], [0, 0]];
    const { cpu, wasm } = await onBothBackends(runInputKernel([1, 2, 3, 1], [2, 2, 1, 1], 4, pad));
    expectClose(wasm, cpu, 'zeros');
    expect(Array.from(wasm).every((v) => v === 0)).toBe(true);
  });

  it('NCHW: the same values as cpu\'s NCHW kernel', async () => {
    const [b, c1, h, w] = [2, 3, 7, 6];
    const filterShape: Shape4 = [3, 2, 3, 4];
    for (const [strides, pad] of [[1, 'same'], [2, 'valid'], [[2, 1], [[0, 0], [0, 0], [1, 2], [0, 1]]]] as [Strides, Pad][]) {
      const info = backend_util.computeConv2DInfo([b, c1, h, w], filterShape, strides, 1, pad, undefined, false, 'channelsFirst');
      const { cpu, wasm } = await onBothBackends(() => {
        const dy = tf.tensor4d(values(size(info.outShape), 3), info.outShape);
        const filter = tf.tensor4d(values(size(filterShape), 4), filterShape);
        return tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter }, { strides, pad, dataFormat: 'NCHW', inputShape: [b, c1, h, w] } as unknown as tf.NamedAttrMap) as tf.Tensor;
      });
      expectClose(wasm, cpu, `NCHW strides ${JSON.stringify(strides)} pad ${JSON.stringify(pad)}`);
    }
  });

  it('a dy of the wrong shape is refused with both shapes in the message', async () => {
    await selectBackend('wasm');
    const dy = tf.zeros([1, 4, 4, 2]);
    const filter = tf.zeros([3, 3, 1, 2]);
    expect(() => tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter }, { strides: 1, pad: 'valid', dataFormat: 'NHWC', inputShape: [1, 8, 8, 1] }))
      .toThrow(/dy has shape \[1,4,4,2\].*gives \[1,6,6,2\]/);
    tf.dispose([dy, filter]);
  });
});

/** d/dx of Σ conv2d(x, w) · r, with a fixed r so dy is not all ones. */
function inputGradOfConv(xShape: Shape4, filterShape: Shape4, strides: Strides, pad: Pad, fused = false) {
  return () => {
    const x = tf.tensor4d(values(size(xShape), 5), xShape);
    const w = tf.tensor4d(values(size(filterShape), 6), filterShape);
    const conv = (t: tf.Tensor4D) =>
      fused
        ? tf.fused.conv2d({ x: t, filter: w, strides, pad: pad as 'same', bias: tf.fill([filterShape[3]], 0.1), activation: 'relu' })
        : tf.conv2d(t, w, strides, pad as 'same');
    const shape = conv(x).shape;
    const r = tf.tensor(values(size(shape), 7), shape);
    return tf.grad((t) => tf.sum(tf.mul(conv(t as tf.Tensor4D), r)))(x);
  };
}

describe('input gradient of tf.conv2d (tf.grad) on wasm vs cpu', () => {
  const cases: { name: string; x: Shape4; filter: Shape4; strides: Strides; pad: Pad }[] = [];
  for (const strides of STRIDES) {
    for (const pad of ['valid', 'same', [[0, 0], [1, 0], [2, 1], [0, 0]]] as Pad[]) {
      cases.push({ name: `5x7 image, 2x3 kernel, C1=1, B=1, strides ${JSON.stringify(strides)}, pad ${JSON.stringify(pad)}`, x: [1, 5, 7, 1], filter: [2, 3, 1, 3], strides, pad });
      cases.push({ name: `9x6 image, 3x2 kernel, C1=3, C2=8, B=4, strides ${JSON.stringify(strides)}, pad ${JSON.stringify(pad)}`, x: [4, 9, 6, 3], filter: [3, 2, 3, 8], strides, pad });
    }
  }
  cases.push({ name: 'numeric pad 1, 3x3 kernel, strides 1', x: [2, 7, 7, 2], filter: [3, 3, 2, 4], strides: 1, pad: 1 });
  cases.push({ name: 'numeric pad 2, 3x3 kernel, strides 2', x: [3, 8, 8, 2], filter: [3, 3, 2, 4], strides: 2, pad: 2 });

  it.each(cases)('$name', async ({ x, filter, strides, pad }) => {
    const { cpu, wasm } = await onBothBackends(inputGradOfConv(x, filter, strides, pad));
    expectClose(wasm, cpu, 'dx');
  });

  it('the fused conv2d (what tf.layers uses) reaches the kernel', async () => {
    const { cpu, wasm } = await onBothBackends(inputGradOfConv([2, 8, 7, 3], [3, 3, 3, 4], [2, 1], 'same', true));
    expectClose(wasm, cpu, 'fused dx');
  });
});

describe('wasm Conv2DBackpropInput registration and memory', () => {
  it('registers once, and our kernel is the one wasm runs', async () => {
    await selectBackend('wasm');
    registerWasmKernels();
    registerWasmKernels();
    expect(tf.getKernel(tf.Conv2DBackpropInput, 'wasm')?.kernelFunc).toBe(conv2DBackpropInput);
  });

  it('one model.fit step of a conv net whose first layer gets an input gradient gives the same weights as on cpu', async () => {
    const weightsAfterStep = async (backend: 'cpu' | 'wasm') => {
      await selectBackend(backend);
      const model = tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [10, 9, 2], filters: 4, kernelSize: [3, 2], strides: [2, 1], padding: 'same', activation: 'relu' }),
          tf.layers.conv2d({ filters: 3, kernelSize: [2, 3], strides: 2, padding: 'valid' }),
          tf.layers.conv2d({ filters: 5, kernelSize: 2, padding: 'same', activation: 'relu' }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 3, activation: 'softmax' }),
        ],
      });
      model.setWeights(model.getWeights().map((w, i) => tf.tensor(values(w.size, 10 + i), w.shape).mul(0.5)));
      model.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy' });
      const xs = tf.tensor4d(values(6 * 10 * 9 * 2, 7), [6, 10, 9, 2]);
      const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3);
      const history = await model.fit(xs, ys, { batchSize: 6, epochs: 1, shuffle: false, verbose: 0 });
      const weights = await Promise.all(model.getWeights().map(async (w) => (await w.data()) as Float32Array));
      tf.dispose([xs, ys]);
      model.dispose();
      return { loss: history.history.loss![0] as number, weights };
    };
    const cpu = await weightsAfterStep('cpu');
    const wasm = await weightsAfterStep('wasm');
    expect(Number.isFinite(wasm.loss)).toBe(true);
    expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThan(1e-4 * Math.max(1, cpu.loss));
    wasm.weights.forEach((w, i) => expectClose(w, cpu.weights[i]!, `weight ${i}`));
  });

  it('leaks no tensor or wasm buffer', async () => {
    await selectBackend('wasm');
    const x = tf.tensor4d(values(2 * 9 * 8 * 3, 1), [2, 9, 8, 3]);
    const w = tf.tensor4d(values(3 * 2 * 3 * 4, 2), [3, 2, 3, 4]);
    const before = { ...tf.memory(), dataIds: tf.backend().numDataIds() };
    // IS_TEST makes the engine check, per kernel call, that the kernel leaves exactly its output behind.
    tf.env().set('IS_TEST', true);
    try {
      for (const [strides, pad] of [[1, 'same'], [2, [[0, 0], [1, 2], [0, 1], [0, 0]]], [1, [[0, 0], [5, 0], [0, 0], [0, 0]]]] as [Strides, Pad][]) {
        const g = tf.grad((t) => tf.sum(tf.conv2d(t as tf.Tensor4D, w, strides, pad as 'same')))(x);
        expect(g.shape).toEqual([2, 9, 8, 3]);
        g.dispose();
      }
    } finally {
      tf.env().set('IS_TEST', false);
    }
    // Outside any tidy too: nothing but the output may survive the call.
    const dy = tf.tensor4d(values(2 * 9 * 8 * 4, 3), [2, 9, 8, 4]);
    const direct = tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter: w }, { strides: 1, pad: 'same', dataFormat: 'NHWC', inputShape: [2, 9, 8, 3] });
    expect(tf.memory().numTensors).toBe(before.numTensors + 2);
    tf.dispose([direct as tf.Tensor, dy]);
    const after = { ...tf.memory(), dataIds: tf.backend().numDataIds() };
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numDataBuffers).toBe(before.numDataBuffers);
    expect(after.numBytes).toBe(before.numBytes);
    expect(after.dataIds).toBe(before.dataIds);
    tf.dispose([x, w]);
  });
});
