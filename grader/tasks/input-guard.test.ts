import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../test/tf-setup.ts';
import { callPure } from './common.ts';

/** The guard on both backends: cpu hands out a tensor's own memory from dataSync, wasm a copy. */
describe.each(['cpu', 'wasm'] as const)('input guard on %s', (backend) => {
  beforeAll(async () => {
    await useBackend(backend);
  });

  it('when a function writes into its input through dataSync then the call fails naming the rule, and the hooks are gone afterwards', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const addOneInPlace = (t: tf.Tensor) => {
      const d = t.dataSync() as Float32Array;
      for (let i = 0; i < d.length; i++) d[i] = d[i]! + 1;
      return tf.tensor1d(Array.from(d));
    };
    expect(() => callPure(addOneInPlace as (...a: unknown[]) => unknown, [x], 'addOne')).toThrow(/addOne wrote into its argument 1's data .*do not modify the inputs/);
    expect(Object.prototype.hasOwnProperty.call(x, 'dataSync')).toBe(false);
    x.dispose();
  });

  it('when a function writes through a TensorBuffer then the call fails too', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const viaBuffer = (t: tf.Tensor) => {
      const b = t.bufferSync();
      b.set(9, 0);
      return b.toTensor();
    };
    expect(() => callPure(viaBuffer as (...a: unknown[]) => unknown, [x], 'viaBuffer')).toThrow(/wrote into its argument 1's data/);
    x.dispose();
  });

  it('when a function returns its input itself then the call fails with "return a new tensor"', () => {
    const x = tf.tensor1d([1, 2, 3]);
    expect(() => callPure(((t: tf.Tensor) => t) as (...a: unknown[]) => unknown, [x], 'identity')).toThrow(/identity returned its argument 1 itself: return a new tensor/);
    expect(x.isDisposed).toBe(false);
    x.dispose();
  });

  it('when a function replaces an element of an array argument then the call fails naming the rule', () => {
    const ps = [tf.scalar(1), tf.scalar(2)];
    const step = (params: tf.Tensor[]) => {
      params[0] = tf.scalar(0);
      return params.map((p) => p.clone());
    };
    expect(() => callPure(step as (...a: unknown[]) => unknown, [ps as unknown as tf.Tensor], 'step')).toThrow(/step changed an array inside its argument 1 in place/);
    tf.dispose(ps);
  });

  it('when the function patches Array.prototype.includes/some/every and Tensor.prototype.dataSync to hide it then every rule still holds', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const ps = [tf.scalar(1), tf.scalar(2)];
    const saved = { includes: Array.prototype.includes, some: Array.prototype.some, every: Array.prototype.every, dataSync: tf.Tensor.prototype.dataSync };
    const restore = (): void => {
      Array.prototype.includes = saved.includes;
      Array.prototype.some = saved.some;
      Array.prototype.every = saved.every;
      tf.Tensor.prototype.dataSync = saved.dataSync;
    };
    // Each function patches what the guard used to rely on, then breaks the rule that relied on it.
    const patchAll = (): void => {
      Array.prototype.includes = () => false;
      Array.prototype.some = () => false;
      Array.prototype.every = (() => true) as never;
      const real = saved.dataSync;
      tf.Tensor.prototype.dataSync = function (this: tf.Tensor) {
        return this.id === x.id ? new Float32Array([1, 2, 3]) : real.call(this);
      } as typeof real;
    };
    const outcomes: unknown[] = [];
    for (const f of [
      (t: tf.Tensor) => (patchAll(), t),
      (t: tf.Tensor) => (patchAll(), t.bufferSync().set(9, 0), tf.tensor1d([9, 2, 3])),
    ]) {
      try {
        outcomes.push(callPure(f as (...a: unknown[]) => unknown, [x], 'f'));
      } catch (e) {
        outcomes.push((e as Error).message);
      } finally {
        restore();
      }
    }
    try {
      outcomes.push(callPure(((params: tf.Tensor[]) => (patchAll(), (params[0] = tf.scalar(0)), [tf.scalar(1)])) as (...a: unknown[]) => unknown, [ps as unknown as tf.Tensor], 'step'));
    } catch (e) {
      outcomes.push((e as Error).message);
    } finally {
      restore();
    }
    expect(outcomes[0]).toMatch(/returned its argument 1 itself/);
    expect(outcomes[1]).toMatch(/wrote into its argument 1's data/);
    expect(outcomes[2]).toMatch(/changed an array inside its argument 1 in place/);
    tf.dispose([x, ...ps]);
  });

  it('when a function reads its input and returns a new tensor then the call passes and returns it', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const out = callPure(((t: tf.Tensor) => tf.tensor1d(Array.from(t.dataSync()).map((v) => 2 * v))) as (...a: unknown[]) => unknown, [x], 'double') as tf.Tensor;
    expect(Array.from(out.dataSync())).toEqual([2, 4, 6]);
    expect(Array.from(x.dataSync())).toEqual([1, 2, 3]);
    tf.dispose([x, out]);
  });
});
