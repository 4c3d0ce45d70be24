import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { compareOp, maxAbsDiff, onlyOutputs, seededTensor } from '../testing/oracle.ts';
import { buildDenseNet, denseBlock, transition, type ConvParams } from './densenet.ts';
import { variants } from './densenet.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

/** Layer weights for a dense block on c channels with growth rates gs (k×k kernels, He-scaled). */
function blockLayers(rng: Rng, c: number, gs: number[], k = 3): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  gs.forEach((g, i) => {
    out.push(seededTensor(rng.fork(`w${i}`), [k, k, c, g], Math.sqrt(2 / (k * k * c))), seededTensor(rng.fork(`b${i}`), [g], 0.1));
    c += g;
  });
  return out;
}

const pairs = (ts: tf.Tensor[]): ConvParams[] => Array.from({ length: ts.length / 2 }, (_, i) => ({ w: ts[2 * i] as tf.Tensor4D, b: ts[2 * i + 1] as tf.Tensor1D }));

/** The oracle: each layer by hand with tf.conv2d 'same' + tf.relu, then one tf.concat of all the pieces. */
function handBlock(x: tf.Tensor, ...ws: tf.Tensor[]): tf.Tensor {
  const pieces = [x];
  for (const { w, b } of pairs(ws)) {
    const h = pieces.length === 1 ? x : tf.concat(pieces, 3);
    pieces.push(tf.relu(tf.conv2d(h as tf.Tensor4D, w, [1, 1], 'same').add(b)));
  }
  return tf.concat(pieces, 3);
}

describe('denseBlock', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    for (const [shape, gs] of [[[2, 5, 6, 3], [4, 4]], [[1, 4, 4, 1], [2, 3, 1]], [[2, 7, 7, 8], [6]]] as [number[], number[]][]) {
      it(`gives ${shape[3]! + gs.reduce((a, b) => a + b, 0)} channels matching tf.concat of hand-computed layers, and its gradients, for x [${shape}] and growth ${gs} (${backend})`, async () => {
        await useBackend(backend);
        const rng = new Rng(`densenet/${shape}/${gs}`);
        const r = compareOp({
          name: 'denseBlock',
          f: (x, ...ws) => denseBlock(x as tf.Tensor4D, pairs(ws)),
          oracle: handBlock,
          inputs: () => [seededTensor(rng.fork('x'), shape), ...blockLayers(rng, shape[3]!, gs)],
          wrt: Array.from({ length: 1 + 2 * gs.length }, (_, i) => i),
        });
        // The same kernels in the same order: observed 0 on both backends.
        expect(r.value).toBeLessThan(1e-5);
        expect(Math.max(...r.grads)).toBeLessThan(1e-4);
        await useBackend('wasm');
      });
    }
  }

  it('keeps the input as its first channels, unchanged, and returns a copy for an empty block', () => {
    const rng = new Rng('densenet/prefix');
    const x = seededTensor(rng.fork('x'), [2, 4, 4, 3]) as tf.Tensor4D;
    const ws = blockLayers(rng, 3, [2, 2]);
    const y = onlyOutputs('denseBlock', () => denseBlock(x, pairs(ws)));
    expect(y.shape).toEqual([2, 4, 4, 7]);
    const head = tf.slice(y, [0, 0, 0, 0], [-1, -1, -1, 3]);
    expect(maxAbsDiff(head, x)).toBe(0);
    const empty = denseBlock(x, []);
    expect(empty).not.toBe(x);
    expect(maxAbsDiff(empty, x)).toBe(0);
    tf.dispose([x, ...ws, y, head, empty]);
  });

  it('leaks nothing and leaves its inputs alive', async () => {
    const rng = new Rng('densenet/leak');
    const x = seededTensor(rng, [1, 4, 4, 2]) as tf.Tensor4D;
    const ws = blockLayers(rng, 2, [3, 3]);
    await expectNoLeak(() => {
      tf.dispose(denseBlock(x, pairs(ws)));
      tf.dispose(tf.grad((z: tf.Tensor) => denseBlock(z as tf.Tensor4D, pairs(ws)).sum())(x));
    });
    expect([x, ...ws].some((t) => t.isDisposed)).toBe(false);
    tf.dispose([x, ...ws]);
  });

  it('says who complained about bad arguments', () => {
    tf.tidy(() => {
      const x = tf.zeros([1, 4, 4, 2]) as tf.Tensor4D;
      const ws = pairs(blockLayers(new Rng('densenet/bad'), 2, [3, 3]));
      expect(() => denseBlock(tf.zeros([4, 4, 2]) as unknown as tf.Tensor4D, ws)).toThrow(/^denseBlock: x must be rank 4, but got rank 3/);
      expect(() => denseBlock(x, [ws[1]!])).toThrow(/^denseBlock: layers\[0\].w must take the 2 channels of its input \(\[k, k, 2, F\]\), but got layers\[0\].w of shape \[3,3,5,3\]/);
      expect(() => denseBlock(x, [ws[0]!, ws[0]!])).toThrow(/^denseBlock: layers\[1\].w must take the 5 channels of its input/);
      expect(() => denseBlock(x, [{ ...ws[0]!, b: tf.zeros([2]) as tf.Tensor1D }])).toThrow(/^denseBlock: layers\[0\].b must have one entry per filter of layers\[0\].w \(3\), but got 2/);
    });
  });
});

/** The oracle: tf.conv2d with a 1×1 kernel, then tf.avgPool 2×2 stride 2. */
function handTransition(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return tf.avgPool(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid').add(b) as tf.Tensor4D, [2, 2], [2, 2], 'valid');
}

describe('transition', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    for (const [shape, f] of [[[2, 6, 8, 5], 3], [[1, 7, 5, 4], 2], [[3, 4, 4, 1], 1]] as [number[], number][]) {
      it(`matches tf.conv2d 1×1 + tf.avgPool 2×2, and its gradients, for x [${shape}] to ${f} maps (${backend})`, async () => {
        await useBackend(backend);
        const rng = new Rng(`transition/${shape}/${f}`);
        const r = compareOp({
          name: 'transition',
          f: (x, w, b) => transition(x as tf.Tensor4D, { w: w as tf.Tensor4D, b: b as tf.Tensor1D }),
          oracle: handTransition,
          inputs: () => [seededTensor(rng.fork('x'), shape), seededTensor(rng.fork('w'), [1, 1, shape[3]!, f], Math.sqrt(1 / shape[3]!)), seededTensor(rng.fork('b'), [f], 0.1)],
          wrt: [0, 1, 2],
        });
        // Observed 0.
        expect(r.value).toBeLessThan(1e-5);
        expect(Math.max(...r.grads)).toBeLessThan(1e-4);
        await useBackend('wasm');
      });
    }
  }

  it('halves the height and width (odd sizes round down) and gives F channels', () => {
    tf.tidy(() => {
      const y = transition(tf.ones([2, 7, 6, 4]) as tf.Tensor4D, { w: tf.ones([1, 1, 4, 3]) as tf.Tensor4D, b: tf.tensor1d([0, 1, -1]) });
      expect(y.shape).toEqual([2, 3, 3, 3]);
      expect(maxAbsDiff(tf.slice(y, [0, 0, 0, 0], [1, 1, 1, 3]), [4, 5, 3])).toBe(0);
    });
  });

  it('says who complained about bad arguments', () => {
    tf.tidy(() => {
      const x = tf.zeros([1, 4, 4, 2]) as tf.Tensor4D;
      expect(() => transition(x, { w: tf.zeros([3, 3, 2, 1]) as tf.Tensor4D, b: tf.zeros([1]) as tf.Tensor1D })).toThrow(/^transition: p.w must be a 1×1 kernel, but got p.w of shape \[3,3,2,1\]/);
      expect(() => transition(x, { w: tf.zeros([1, 1, 3, 1]) as tf.Tensor4D, b: tf.zeros([1]) as tf.Tensor1D })).toThrow(/^transition: p.w must take the 2 channels of its input/);
    });
  });
});

describe('densenet variants', () => {
  it('each differs from the reference on generic inputs', () => {
    const rng = new Rng('densenet/variants');
    const x = seededTensor(rng.fork('x'), [2, 6, 6, 3]) as tf.Tensor4D;
    const ws = blockLayers(rng, 3, [3, 3]);
    const tp = { w: seededTensor(rng.fork('tw'), [1, 1, 3, 2]) as tf.Tensor4D, b: seededTensor(rng.fork('tb'), [2], 0.1) as tf.Tensor1D };
    const refBlock = denseBlock(x, pairs(ws));
    const refTransition = transition(x, tp);
    for (const v of variants) {
      expect(v.hint, v.id).toMatch(/^Your output matches .+: ./);
      const [name] = Object.keys(v.exports) as ['denseBlock' | 'transition'];
      const ref = name === 'denseBlock' ? refBlock : refTransition;
      const got = onlyOutputs(v.id, () => (name === 'denseBlock' ? v.exports.denseBlock!(x, pairs(ws)) : v.exports.transition!(x, tp)) as tf.Tensor);
      const differs = got.shape.join() !== ref.shape.join() || maxAbsDiff(got, ref) > 1e-2;
      expect(differs, v.id).toBe(true);
      got.dispose();
    }
    tf.dispose([x, ...ws, tp.w, tp.b, refBlock, refTransition]);
  });
});

describe('buildDenseNet', () => {
  it('maps [N, 28, 28, 1] images to [N, 10] logits, with input [null, 28, 28, 1] and output [null, 10]', async () => {
    await expectNoLeak(() => {
      const model = buildDenseNet(1);
      expect(model.inputs[0]!.shape).toEqual([null, 28, 28, 1]);
      expect(model.outputs[0]!.shape).toEqual([null, 10]);
      const x = seededTensor(new Rng('densenet/model'), [3, 28, 28, 1]);
      const y = model.predict(x) as tf.Tensor;
      expect(y.shape).toEqual([3, 10]);
      expect(tf.tidy(() => y.min().arraySync() as number)).toBeLessThan(0); // logits, not probabilities
      tf.dispose([x, y]);
      model.dispose();
    });
  });

  it('grows 16 → 40 channels in the first block, 24 → 48 in the second, and is seeded', () => {
    const [a, b, c] = [buildDenseNet(7), buildDenseNet(7), buildDenseNet(8)];
    const concatShapes = a.layers.filter((l) => l.getClassName() === 'Concatenate').map((l) => (l.outputShape as number[])[3]);
    expect(concatShapes).toEqual([28, 40, 36, 48]);
    expect(a.getLayer('transition_pool').outputShape).toEqual([null, 7, 7, 24]);
    const [wa, wb, wc] = [a, b, c].map((m) => m.getWeights().map((w) => Float32Array.from(w.dataSync())));
    wa!.forEach((w, i) => expect(maxAbsDiff(w, wb![i]!), `weight ${i}`).toBe(0));
    expect(maxAbsDiff(wa![0]!, wc![0]!)).toBeGreaterThan(0.01);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('says who complained about a bad seed', () => {
    expect(() => buildDenseNet(0.5)).toThrow(/^buildDenseNet: seed must be an integer, but got 0.5$/);
  });
});
