import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { compareOp, maxAbsDiff, onlyOutputs, seededTensor } from '../testing/oracle.ts';
import { conv2d } from './conv2d.ts';
import { variants } from './conv2d.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

type Pair = [number, number];
/** [N, H, W, C1, k1, k2, C2, stride, pad] */
type Config = [number, number, number, number, number, number, number, Pair, Pair];

const CONFIGS: Config[] = [
  [1, 5, 7, 1, 3, 3, 2, [1, 1], [0, 0]],
  [2, 6, 5, 3, 3, 2, 4, [1, 1], [1, 0]],
  [1, 4, 6, 2, 2, 3, 3, [1, 1], [0, 2]],
  [2, 5, 5, 2, 3, 3, 2, [1, 1], [2, 1]],
  [1, 3, 4, 1, 3, 4, 1, [1, 1], [0, 0]],
  [1, 7, 6, 1, 3, 3, 2, [2, 1], [0, 0]],
  [2, 6, 7, 3, 2, 3, 2, [1, 2], [1, 0]],
  [1, 8, 9, 2, 3, 2, 3, [2, 2], [1, 2]],
  [2, 5, 6, 1, 1, 1, 2, [2, 2], [0, 0]],
  [1, 6, 6, 2, 4, 4, 2, [2, 2], [2, 2]],
  [1, 9, 8, 4, 5, 3, 3, [3, 2], [2, 1]],
];

const oracle = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, stride: Pair, [p1, p2]: Pair) =>
  tf.add(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, [[0, 0], [p1, p1], [p2, p2], [0, 0]]), b);

function inputs(rng: Rng, [n, h, w, c1, k1, k2, c2]: Config): () => tf.Tensor[] {
  return () => [seededTensor(rng.fork('x'), [n, h, w, c1]), seededTensor(rng.fork('w'), [k1, k2, c1, c2], 1 / Math.sqrt(k1 * k2 * c1)), seededTensor(rng.fork('b'), [c2], 0.5)];
}

describe('conv2d', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    describe(`on ${backend}`, () => {
      beforeAll(async () => {
        await useBackend(backend);
      });

      for (const cfg of CONFIGS) {
        const [n, h, w, c1, k1, k2, c2, stride, pad] = cfg;
        it(`matches tf.conv2d with explicit pads in value and gradients w.r.t. x, w, b: x [${n},${h},${w},${c1}], w [${k1},${k2},${c1},${c2}], stride [${stride}], pad [${pad}]`, () => {
          const r = compareOp({
            name: 'conv2d',
            f: (x, wt, b) => conv2d(x as tf.Tensor4D, wt as tf.Tensor4D, b as tf.Tensor1D, stride, pad),
            oracle: (x, wt, b) => oracle(x!, wt!, b!, stride, pad),
            inputs: inputs(new Rng(`conv2d/${cfg.join('/')}`), cfg),
            wrt: [0, 1, 2],
          });
          // Outputs of order 1, sums of ≤ 60 products in another order than tf.conv2d's: float32
          // rounding, observed ≤ 6e-7 (0 on wasm, where both are an im2col matMul).
          expect(r.value).toBeLessThan(2e-6);
          // dw sums up to N·H'·W' = 60 products of order 1: observed ≤ 3.9e-6 (wasm), 4.8e-7 (cpu).
          expect(Math.max(...r.grads)).toBeLessThan(2e-5);
        });
      }

      it('leaves no tensor behind and returns a new tensor', async () => {
        const x = tf.ones([1, 3, 3, 1]) as tf.Tensor4D;
        const w = tf.ones([1, 1, 1, 1]) as tf.Tensor4D;
        const b = tf.zeros([1]) as tf.Tensor1D;
        await expectNoLeak(() => conv2d(x, w, b, [1, 1], [0, 0]).dispose());
        tf.dispose([x, w, b]);
      });
    });
  }

  it("finds the notes' vertical line: the kernel [[−1, 1, −1]] × 3 gives 3 exactly where the line is", () => {
    const img = tf.tensor4d([0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0], [1, 4, 4, 1]); // a line down column 1
    const k = tf.tensor4d([-1, 1, -1, -1, 1, -1, -1, 1, -1], [3, 3, 1, 1]);
    const b = tf.zeros([1]) as tf.Tensor1D;
    const y = onlyOutputs('conv2d', () => conv2d(img, k, b, [1, 1], [0, 0]));
    expect(y.shape).toEqual([1, 2, 2, 1]); // ⌊(4 − 3)/1⌋ + 1 = 2, the notes' size would be 1
    expect(Array.from(y.dataSync())).toEqual([3, -3, 3, -3]);
    tf.dispose([img, k, b, y]);
  });

  it('pads with zeros, steps by the stride, sums over input channels and adds one bias per output channel (hand-computed)', () => {
    // x: one 3×3 image, two channels: channel 0 = 1..9, channel 1 = 10 everywhere.
    const x = tf.tensor4d(Array.from({ length: 9 }, (_, i) => [i + 1, 10]).flat(), [1, 3, 3, 2]);
    // w: 2×2, C1 = 2 → C2 = 2. Output 0 sums channel 0 (weights 1), output 1 takes channel 1 at the top-left only.
    const w = tf.tensor4d([1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0], [2, 2, 2, 2]);
    const b = tf.tensor1d([0.5, -1]);
    const y = onlyOutputs('conv2d', () => conv2d(x, w, b, [2, 2], [1, 1]));
    // Padded 5×5, windows at rows/cols 0 and 2: H' = ⌊(3 − 2 + 2)/2⌋ + 1 = 2.
    // Channel 0 windows: {0,0,0,1}=1, {0,0,2,3}=5, {0,4,0,7}=11, {5,6,8,9}=28; top-left of channel 1: 0, 0, 0, 10.
    expect(y.shape).toEqual([1, 2, 2, 2]);
    expect(Array.from(y.dataSync())).toEqual([1.5, -1, 5.5, -1, 11.5, -1, 28.5, 9]);
    tf.dispose([x, w, b, y]);
  });

  it('says who complained about bad arguments', () => {
    const x = tf.zeros([1, 4, 4, 2]) as tf.Tensor4D;
    const w = tf.zeros([3, 3, 2, 5]) as tf.Tensor4D;
    const b = tf.zeros([5]) as tf.Tensor1D;
    const x3 = tf.zeros([4, 4, 2]);
    const w1 = tf.zeros([3, 3, 1, 5]) as tf.Tensor4D;
    expect(() => conv2d(x3 as tf.Tensor4D, w, b, [1, 1], [0, 0])).toThrow(/^conv2d: x must be rank 4, but got rank 3/);
    expect(() => conv2d(x, w1, b, [1, 1], [0, 0])).toThrow(/^conv2d: w must be \[k1, k2, 2, C2\] for x's 2 channels/);
    expect(() => conv2d(x, w, tf.zeros([4]) as tf.Tensor1D, [1, 1], [0, 0])).toThrow(/^conv2d: b must have one entry per output channel \(5\), but got 4/);
    expect(() => conv2d(x, w, b, [0, 1], [0, 0])).toThrow(/^conv2d: stride must be a pair of integers ≥ 1, but got \[0,1\]/);
    expect(() => conv2d(x, w, b, [1, 1], [-1, 0])).toThrow(/^conv2d: pad must be a pair of integers ≥ 0/);
    const big = tf.zeros([5, 3, 2, 5]) as tf.Tensor4D;
    expect(() => conv2d(x, big, b, [1, 1], [0, 0])).toThrow(/^conv2d: the kernel \[5,3\] must fit in the padded input \[4,4\]/);
    tf.dispose([x, x3, w, w1, big, b]);
  });
});

describe('conv2d variants', () => {
  it('each differs from the reference on a strided, unevenly padded case', () => {
    const rng = new Rng('conv2d variants');
    const [x, w, b] = inputs(rng, [2, 6, 7, 2, 3, 2, 3, [2, 1], [2, 1]])() as [tf.Tensor4D, tf.Tensor4D, tf.Tensor1D];
    const ref = conv2d(x, w, b, [2, 1], [2, 1]);
    for (const v of variants) {
      const got = onlyOutputs(v.id, () => v.exports.conv2d!(x, w, b, [2, 1], [2, 1]) as tf.Tensor);
      const differs = got.shape.join() !== ref.shape.join() || maxAbsDiff(got, ref) > 1e-2;
      expect(differs, v.id).toBe(true);
      expect(v.hint, v.id).toMatch(/^Your output (matches|has) .+: ./);
      got.dispose();
    }
    tf.dispose([x, w, b, ref]);
  });
});
