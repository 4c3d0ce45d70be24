import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { dropout } from './dropout.ts';

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`dropout on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it('when training then it equals tf.dropout with the same seed (same uniform draws, u ≥ rate keeps)', async () => {
      await expectNoLeak(() => {
        const x = tf.randomNormal([50, 40], 0, 1, 'float32', 3);
        for (const rate of [0.2, 0.5, 0.8]) {
          const ours = dropout(x, rate, true, 1234);
          const oracle = tf.dropout(x, rate, undefined, 1234);
          expect(tf.tidy(() => tf.max(tf.abs(tf.sub(ours, oracle))).dataSync()[0])).toBeLessThan(1e-6);
          tf.dispose([ours, oracle]);
        }
        x.dispose();
      });
    });

    it('when not training, or at rate 0, then it returns a copy of x', () => {
      const x = tf.tensor1d([1, -2, 3]);
      for (const y of [dropout(x, 0.5, false, 1), dropout(x, 0, true, 1)]) {
        expect(Array.from(y.dataSync())).toEqual([1, -2, 3]);
        expect(y).not.toBe(x);
        y.dispose();
      }
      x.dispose();
    });

    it('when x is all ones then kept units are exactly 1/(1 − rate) and about 1 − rate of them survive', () => {
      const y = dropout(tf.ones([20000]), 0.8, true, 7);
      const v = y.dataSync();
      const kept = v.filter((a) => a !== 0);
      expect(kept.every((a) => Math.abs(a - 5) < 1e-6)).toBe(true);
      // Binomial(20000, 0.2): sd ≈ 56.6; 6 sd is a 2e-9 false-fail bound.
      expect(Math.abs(kept.length - 4000)).toBeLessThan(6 * 56.6);
      y.dispose();
    });

    it('when the arguments are bad then it says who complained', () => {
      const x = tf.ones([2]);
      expect(() => dropout(x, 1, true, 1)).toThrow(/^dropout: rate must be a number in \[0, 1\)/);
      x.dispose();
    });
  });
}
