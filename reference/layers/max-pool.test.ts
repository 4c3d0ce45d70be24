import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { compareOp, maxAbsDiff, onlyOutputs, seededTensor } from '../testing/oracle.ts';
import { maxPool2d } from './max-pool.ts';
import { variants } from './max-pool.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

/** [N, H, W, C, k, stride]: tiling, overlapping and skipping windows, sizes the stride does not divide. */
type Config = [number, number, number, number, number, number];
const CONFIGS: Config[] = [
  [1, 4, 4, 1, 2, 2],
  [2, 5, 7, 3, 2, 2],
  [1, 6, 5, 2, 3, 1],
  [2, 7, 6, 1, 3, 2],
  [1, 5, 6, 2, 2, 3],
  [1, 3, 4, 1, 3, 3],
  [2, 4, 5, 2, 1, 1],
];

const variant = (id: string) => variants.find((v) => v.id === id)!.exports.maxPool2d! as (x: tf.Tensor4D, k: number, s: number) => tf.Tensor4D;

/** The gradient of Σ f(x) w.r.t. x: every window passes on 1. */
function gradOfSum(f: (x: tf.Tensor4D) => tf.Tensor, x: tf.Tensor4D): number[] {
  return tf.tidy(() => Array.from(tf.grad((z: tf.Tensor) => f(z as tf.Tensor4D).sum())(x).dataSync()));
}

// x [1, 4, 4, 1] with ties: every 2×2 window of the top row of windows holds two 2s; the bottom-left window is all 0.
const TIES = [
  2, 2, 1, 2,
  0, 1, 2, 0,
  0, 0, 5, 3,
  0, 0, 3, 5,
];

describe('maxPool2d', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    describe(`on ${backend}`, () => {
      beforeAll(async () => {
        await useBackend(backend);
      });

      for (const [n, h, w, c, k, s] of CONFIGS) {
        it(`matches tf.maxPool in value and gradient without ties: x [${n},${h},${w},${c}], k=${k}, stride=${s}`, () => {
          const rng = new Rng(`max-pool/${[n, h, w, c, k, s].join('/')}`);
          const r = compareOp({
            name: 'maxPool2d',
            f: (x) => maxPool2d(x as tf.Tensor4D, k, s),
            oracle: (x) => tf.maxPool(x as tf.Tensor4D, k, s, 'valid'),
            // |x| + 0.1 > 0: tf.maxPool's gradient on wasm goes wrong where a window's max is ≤ 0 (see below).
            inputs: () => [tf.tidy(() => seededTensor(rng, [n, h, w, c]).abs().add(0.1))],
            wrt: [0],
          });
          expect(r.value).toBe(0); // a max is exact
          expect(r.grads[0]).toBeLessThan(1e-6); // sums of dy over overlapping windows: observed 0
        });
      }

      it('matches tf.maxPool on all-negative windows in value', () => {
        const r = compareOp({
          name: 'maxPool2d',
          f: (x) => maxPool2d(x as tf.Tensor4D, 3, 2),
          oracle: (x) => tf.maxPool(x as tf.Tensor4D, 3, 2, 'valid'),
          inputs: () => [tf.tidy(() => seededTensor(new Rng('negative'), [2, 7, 6, 2]).abs().neg().sub(0.1))],
        });
        expect(r.value).toBe(0);
      });

      it('sends the gradient of a window with tied maxima to the first in row-major order (hand-computed)', () => {
        const x = tf.tensor4d(TIES, [1, 4, 4, 1]);
        const g = gradOfSum((z) => maxPool2d(z, 2, 2), x);
        // Windows: {2,2,0,1} → (0,0); {1,2,2,0} → (0,3); {0,0,0,0} → (2,0); {5,3,3,5} → (2,2).
        expect(g).toEqual([1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
        // Overlapping windows (k = 3, s = 1): each of the four windows routes to its own first maximum.
        const g3 = gradOfSum((z) => maxPool2d(z, 3, 1), x);
        expect(g3).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0]);
        x.dispose();
      });

      it('leaves no tensor behind and returns a new tensor, also for k = stride = 1', async () => {
        const x = tf.ones([1, 3, 3, 2]) as tf.Tensor4D;
        await expectNoLeak(() => {
          const y = maxPool2d(x, 1, 1);
          expect(y).not.toBe(x);
          y.dispose();
        });
        expect(x.isDisposed).toBe(false);
        x.dispose();
      });
    });
  }

  it("on ties agrees with tf.maxPool's gradient on cpu (first maximum), and on wasm tf.maxPool takes the last", async () => {
    const x = tf.tensor4d(TIES.map((v) => v + 1), [1, 4, 4, 1]); // all > 0: see the next test for ≤ 0
    for (const [k, s] of [[2, 2], [3, 1], [2, 1]] as const) {
      await useBackend('cpu');
      expect(gradOfSum((z) => maxPool2d(z, k, s), x)).toEqual(gradOfSum((z) => tf.maxPool(z, k, s, 'valid'), x));
      // wasm's own MaxPoolGrad sends ties to the last maximum; the project replaces it with one that follows cpu.
      await useBackend('wasm');
      expect(gradOfSum((z) => maxPool2d(z, k, s), x)).toEqual(gradOfSum((z) => tf.maxPool(z, k, s, 'valid'), x));
    }
    x.dispose();
  });

  it('on wasm, tf.maxPool\'s gradient reaches windows whose maximum is ≤ 0 (wasm\'s own MaxPoolGrad, replaced by the project, drops them)', async () => {
    await useBackend('wasm');
    const zeros = tf.zeros([1, 3, 3, 1]) as tf.Tensor4D;
    expect(gradOfSum((z) => maxPool2d(z, 2, 1), zeros).reduce((a, b) => a + b, 0)).toBe(4); // four windows, each passes on 1
    expect(gradOfSum((z) => tf.maxPool(z, 2, 1, 'valid'), zeros).reduce((a, b) => a + b, 0)).toBe(4);
    // Distinct negative values, maxima at (0,0), (0,1), (1,0), (1,1).
    const neg = tf.tensor4d([-1, -2, -3, -4, -5, -6, -7, -8, -9], [1, 3, 3, 1]);
    expect(gradOfSum((z) => maxPool2d(z, 2, 1), neg)).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 0]);
    expect(gradOfSum((z) => tf.maxPool(z, 2, 1, 'valid'), neg)).toEqual([1, 1, 0, 1, 1, 0, 0, 0, 0]);
    tf.dispose([zeros, neg]);
  });

  it('says who complained about bad arguments', () => {
    const x = tf.zeros([1, 4, 4, 1]) as tf.Tensor4D;
    const x3 = tf.zeros([4, 4, 1]);
    expect(() => maxPool2d(x3 as tf.Tensor4D, 2, 2)).toThrow(/^maxPool2d: x must be rank 4, but got rank 3/);
    expect(() => maxPool2d(x, 0, 2)).toThrow(/^maxPool2d: k must be an integer ≥ 1, but got 0/);
    expect(() => maxPool2d(x, 2, 1.5)).toThrow(/^maxPool2d: stride must be an integer ≥ 1, but got 1.5/);
    expect(() => maxPool2d(x, 5, 1)).toThrow(/^maxPool2d: the window 5×5 must fit in the input \[4,4\]/);
    tf.dispose([x, x3]);
  });
});

describe('max-pool variants', () => {
  it('the accepted tie rules agree with the reference without ties and differ on ties; every value is exactly the max pool', () => {
    const x = seededTensor(new Rng('variants'), [2, 5, 7, 3]) as tf.Tensor4D;
    const t = tf.tensor4d(TIES, [1, 4, 4, 1]);
    const ref = maxPool2d(x, 3, 1);
    for (const id of ['ties-to-last', 'ties-split-evenly', 'ties-to-all']) {
      const got = onlyOutputs(id, () => variant(id)(x, 3, 1));
      expect(maxAbsDiff(got, ref), id).toBe(0);
      expect(maxAbsDiff(gradOfSum((z) => variant(id)(z, 3, 1), x), gradOfSum((z) => maxPool2d(z, 3, 1), x)), id).toBe(0);
      expect(maxAbsDiff(gradOfSum((z) => variant(id)(z, 2, 2), t), gradOfSum((z) => maxPool2d(z, 2, 2), t)), id).toBeGreaterThan(0.4);
      got.dispose();
    }
    // Split evenly: the all-zero window gives 1/4 to each; the two 2s of a window ½ each.
    expect(gradOfSum((z) => variant('ties-split-evenly')(z, 2, 2), t)).toEqual([0.5, 0.5, 0, 0.5, 0, 0, 0.5, 0, 0.25, 0.25, 0.5, 0, 0.25, 0.25, 0, 0.5]);
    tf.dispose([x, t, ref]);
  });

  it('the mistakes differ from the reference in value', () => {
    const x = tf.tidy(() => seededTensor(new Rng('mistakes'), [2, 7, 6, 2]).sub(1.5)) as tf.Tensor4D; // some all-negative windows
    const ref = maxPool2d(x, 3, 2);
    for (const v of variants.filter((v) => v.verdict === 'mistake' && v.id !== 'ties-to-all')) {
      const got = onlyOutputs(v.id, () => v.exports.maxPool2d!(x, 3, 2) as tf.Tensor);
      expect(got.shape.join() !== ref.shape.join() || maxAbsDiff(got, ref) > 1e-2, v.id).toBe(true);
      expect(v.hint, v.id).toMatch(/^Your (output|gradient) (matches|has) .+: ./);
      got.dispose();
    }
    tf.dispose([x, ref]);
  });
});
