import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { Rng } from '../../grader/basics/rng.ts';
import { energy, hebbianWeights, recall } from './hopfield.ts';

const pm = (rng: Rng, n: number) => Array.from({ length: n }, () => (rng.uniform() < 0.5 ? -1 : 1));

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`hopfield on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it('when one pattern x is stored then W = xxᵀ/n off the diagonal and E(x) = −½·(n − 1) (textbook)', async () => {
      await expectNoLeak(() => {
        const x = [1, -1, -1, 1, 1];
        const p = tf.tensor2d(x, [1, 5]);
        const w = hebbianWeights(p);
        const wv = w.dataSync();
        for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) expect(wv[i * 5 + j]).toBeCloseTo(i === j ? 0 : (x[i]! * x[j]!) / 5, 7);
        const e = energy(p, w);
        expect(e.dataSync()[0]).toBeCloseTo(-0.5 * 4, 6); // −½·Σ_{i≠j} xᵢxⱼ·xᵢxⱼ/5 = −½·20/5
        tf.dispose([p, w, e]);
      });
    });

    it('when E is enumerated over all 2⁶ states then the stored patterns and their negations are the minima', () => {
      const rng = new Rng('hop');
      const pats = [pm(rng, 6), pm(rng, 6)];
      const p = tf.tensor2d(pats.flat(), [2, 6]);
      const w = hebbianWeights(p);
      const all = tf.tensor2d(Array.from({ length: 64 }, (_, s) => Array.from({ length: 6 }, (_, i) => ((s >> i) & 1 ? 1 : -1))).flat(), [64, 6]);
      const eT = energy(all, w);
      const e = Array.from(eT.dataSync());
      const wv = w.arraySync();
      // float64 oracle of E for every state
      const states = all.arraySync();
      states.forEach((s, k) => {
        let q = 0;
        for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) q += s[i]! * wv[i]![j]! * s[j]!;
        expect(Math.abs(e[k]! + 0.5 * q)).toBeLessThan(1e-5);
      });
      const min = Math.min(...e);
      const eOf = (x: number[]) => e[x.reduce((a, v, i) => a + (v > 0 ? 1 << i : 0), 0)]!;
      expect(Math.min(eOf(pats[0]!), eOf(pats[1]!))).toBeCloseTo(min, 5);
      tf.dispose([p, w, all, eT]);
    });

    it('when recalling then energy never rises sweep after sweep, the result is a fixed point, and the same seed gives the same result', async () => {
      await expectNoLeak(() => {
        const rng = new Rng('hop2');
        const p = tf.tensor2d(Array.from({ length: 8 }, () => pm(rng, 40)).flat(), [8, 40]);
        const w = hebbianWeights(p);
        let x = tf.tensor2d(Array.from({ length: 10 }, () => pm(rng, 40)).flat(), [10, 40]);
        const E = (t: tf.Tensor2D) => { const et = energy(t, w); const v = Array.from(et.dataSync()); et.dispose(); return v; };
        let e = E(x);
        for (let s = 0; s < 6; s++) {
          const next = recall(x, w, 1, 100 + s);
          const en = E(next);
          en.forEach((v, r) => expect(v).toBeLessThanOrEqual(e[r]! + 1e-5));
          x.dispose();
          x = next;
          e = en;
        }
        const again = recall(x, w, 1, 7);
        expect(Array.from(again.dataSync())).toEqual(Array.from(x.dataSync())); // fixed point after 6 sweeps
        const a = recall(x, w, 3, 5), b = recall(x, w, 3, 5);
        expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
        tf.dispose([p, w, x, again, a, b]);
      });
    });

    it('when W = 0 then every (Wx)ᵢ is 0 and recall keeps x', () => {
      const x = tf.tensor2d([1, -1, 1, -1], [1, 4]);
      const w = tf.zeros([4, 4]) as tf.Tensor2D;
      const y = recall(x, w, 2, 3);
      expect(Array.from(y.dataSync())).toEqual([1, -1, 1, -1]);
      tf.dispose([x, w, y]);
    });

    it('when the arguments are bad then it says who complained', () => {
      const x = tf.zeros([2, 3]) as tf.Tensor2D;
      expect(() => recall(x, tf.zeros([4, 4]) as tf.Tensor2D, 1, 1)).toThrow(/^recall: w must be \[3,3\]/);
      expect(() => hebbianWeights(tf.zeros([3]) as unknown as tf.Tensor2D)).toThrow(/^hebbianWeights: patterns must be rank 2/);
      x.dispose();
    });
  });
}
