import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { allFinite, compareOp, maxAbsDiff, onlyOutputs, seededTensor } from '../testing/oracle.ts';
import { dense, relu, sigmoid, tanh } from './dense.ts';
import { variants } from './dense.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

/** −1000…1000 with 0, ±20, ±50 and the float32 saturation points of σ and tanh. */
const GRID = [-1000, -100, -89, -50, -20, -17, -10, -3, -1, -0.5, -1e-3, -1e-7, 0, 1e-7, 1e-3, 0.5, 1, 3, 10, 17, 20, 50, 89, 100, 1000];

const activations = [
  { name: 'sigmoid', f: sigmoid, oracle: tf.sigmoid },
  { name: 'tanh', f: tanh, oracle: tf.tanh },
  { name: 'relu', f: relu, oracle: tf.relu },
] as const;

describe('dense', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    describe(`on ${backend}`, () => {
      beforeAll(async () => {
        await useBackend(backend);
      });

      it('matches tf.matMul + tf.add in value and in its gradients w.r.t. x, w and b', () => {
        const rng = new Rng('dense');
        const r = compareOp({
          name: 'dense',
          f: (x, w, b) => dense(x as tf.Tensor2D, w as tf.Tensor2D, b as tf.Tensor1D),
          oracle: (x, w, b) => tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b!),
          inputs: () => [seededTensor(rng.fork('x'), [8, 5]), seededTensor(rng.fork('w'), [5, 3]), seededTensor(rng.fork('b'), [3])],
          wrt: [0, 1, 2],
        });
        // The same ops in the same order: observed 0.
        expect(r.value).toBeLessThan(1e-6);
        expect(Math.max(...r.grads)).toBeLessThan(1e-6);
      });

      for (const { name, f, oracle } of activations) {
        it(`${name} matches tf.${name} in value and gradient on −1000…1000, incl. 0, ±20, ±50`, () => {
          const r = compareOp({ name, f: (x) => f(x), oracle: (x) => oracle(x), inputs: () => [tf.tensor1d(GRID)], wrt: [0] });
          // Values in [−1, 1]: float32 rounding; tanh(|x|) = (1 − e)/(1 + e) loses relative
          // precision for tiny |x| but stays within ~1e-7 absolute. Observed ≤ 6e-8.
          expect(r.value).toBeLessThan(1e-6);
          // σ' ≤ 1/4, tanh' ≤ 1, relu' ∈ {0, 1} (0 at 0, as tf.relu), times |c| ≲ 3. Observed ≤ 1.8e-7.
          expect(r.grads[0]).toBeLessThan(1e-6);
        });
      }
    });
  }

  it('agrees with a tf.layers.dense holding the same weights', () => {
    const rng = new Rng('layers.dense');
    const layer = tf.layers.dense({ units: 4, inputShape: [6] });
    const x = seededTensor(rng, [5, 6]) as tf.Tensor2D;
    const want = layer.apply(x) as tf.Tensor2D; // builds the layer: kernel [6, 4], bias [4]
    const [w, b] = layer.getWeights() as [tf.Tensor2D, tf.Tensor1D];
    const got = onlyOutputs('dense', () => dense(x, w, b));
    expect(maxAbsDiff(got, want)).toBeLessThan(1e-6);
    layer.dispose();
    tf.dispose([x, want, got]);
  });

  it('keeps σ, tanh and their gradients finite at ±1000 and gives the textbook values', () => {
    const x = tf.tensor1d([-1000, 0, 1000]);
    for (const [f, want, wantGrad] of [[sigmoid, [0, 0.5, 1], [0, 0.25, 0]], [tanh, [-1, 0, 1], [0, 1, 0]], [relu, [0, 0, 1000], [0, 0, 1]]] as const) {
      const y = f(x);
      const g = tf.grad((z: tf.Tensor) => f(z))(x);
      expect(allFinite(y) && allFinite(g)).toBe(true);
      expect(maxAbsDiff(y, want)).toBe(0); // exact in float32
      expect(maxAbsDiff(g, wantGrad)).toBe(0);
      tf.dispose([y, g]);
    }
    x.dispose();
  });

  it('leaks nothing, leaves inputs alive and returns new tensors', async () => {
    const x = tf.tensor2d([[1, -2], [3, 0]]);
    const b = tf.tensor1d([0.5, -0.5]);
    await expectNoLeak(() => {
      for (const f of [sigmoid, tanh, relu]) {
        const y = f(x);
        expect(y).not.toBe(x);
        tf.dispose([y, tf.grad((z: tf.Tensor) => f(z))(x)]);
      }
      tf.dispose(dense(x, x, b));
    });
    expect(x.isDisposed || b.isDisposed).toBe(false);
    tf.dispose([x, b]);
  });

  it('says who complained about bad shapes', () => {
    tf.tidy(() => {
      const x = tf.zeros([2, 3]) as tf.Tensor2D;
      const b3 = tf.zeros([3]) as tf.Tensor1D;
      expect(() => dense(tf.zeros([2, 3, 1]) as unknown as tf.Tensor2D, x, b3)).toThrow(/^dense: x must be rank 2, but got rank 3/);
      expect(() => dense(x, x, b3)).toThrow(/^dense: w must have x's 3 features as its rows, but got w of shape \[2,3\]/);
      expect(() => dense(x, tf.zeros([3, 4]) as tf.Tensor2D, b3)).toThrow(/^dense: b must have one entry per column of w \(4\), but got 3/);
      expect(() => sigmoid([1, 2] as unknown as tf.Tensor)).toThrow(/^sigmoid: x must be a tf.Tensor, but got object/);
    });
  });
});

describe('dense variants', () => {
  it('each differs from the reference on generic inputs (square w for the transposed one)', () => {
    const rng = new Rng('dense/variants');
    const x = seededTensor(rng, [4, 3]) as tf.Tensor2D;
    const w = seededTensor(rng, [3, 3]) as tf.Tensor2D;
    const b = seededTensor(rng, [3]) as tf.Tensor1D;
    const grid = tf.tensor1d([-3, -1, 0.5, 2]);
    for (const v of variants) {
      expect(v.hint, v.id).toMatch(/^Your output matches .+: ./);
      const [name] = Object.keys(v.exports) as ['dense' | 'sigmoid' | 'tanh'];
      const ref = name === 'dense' ? dense(x, w, b) : { sigmoid, tanh }[name](grid);
      const got = onlyOutputs(v.id, () => (name === 'dense' ? v.exports.dense!(x, w, b) : v.exports[name]!(grid)) as tf.Tensor);
      expect(maxAbsDiff(got, ref), v.id).toBeGreaterThan(1e-2);
      tf.dispose([ref, got]);
    }
    tf.dispose([x, w, b, grid]);
  });
});
