import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { addNoise, flipHorizontal, rotate, shift } from './augmentation.ts';

const img = () => tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [1, 3, 4, 1]); // 3 rows × 4 columns
const values = (t: tf.Tensor) => {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
};

/** tf.image.transform's matrix for the same rotation: output (col, row) → input (col, row). */
function transformOracle(x: tf.Tensor4D, theta: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  const [cy, cx] = [(h - 1) / 2, (w - 1) / 2];
  const [c, s] = [Math.cos(theta), Math.sin(theta)];
  const m = [c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy, 0, 0];
  // One image at a time: tfjs 4.22's cpu Transform kernel returns zeros for every image after the first.
  return tf.concat(tf.split(x, x.shape[0]).map((xi) => tf.image.transform(xi as tf.Tensor4D, tf.tensor2d([m]), 'bilinear', 'constant', 0))) as tf.Tensor4D;
}

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`augmentation on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it('when flipping then the columns are mirrored (textbook)', () => {
      const x = img();
      expect(values(flipHorizontal(x))).toEqual([4, 3, 2, 1, 8, 7, 6, 5, 12, 11, 10, 9]);
      x.dispose();
    });

    it('when shifting one row down and two columns left then content moves and zeros fill (textbook)', () => {
      const x = img();
      expect(values(shift(x, 1, -2))).toEqual([0, 0, 0, 0, 3, 4, 0, 0, 7, 8, 0, 0]);
      expect(values(shift(x, 0, 0))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(values(shift(x, -5, 0))).toEqual(new Array(12).fill(0));
      x.dispose();
    });

    it('when rotating by a quarter turn counter-clockwise then the right column becomes the top row (textbook)', () => {
      const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
      expect(values(rotate(x, Math.PI / 2)).map((v) => Math.round(v * 1e5) / 1e5)).toEqual([3, 6, 9, 2, 5, 8, 1, 4, 7]);
      x.dispose();
    });

    it('when rotating by any angle then it equals tf.image.transform with the inverse-rotation matrix, bilinear, zero fill', async () => {
      await expectNoLeak(() => {
        const x = tf.randomUniform([2, 9, 7, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
        for (const theta of [0.3, -1.1, 2.5, Math.PI]) {
          const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(rotate(x, theta), transformOracle(x, theta)))).dataSync()[0]!);
          expect(diff).toBeLessThan(1e-5);
        }
        x.dispose();
      });
    });

    it('when adding noise then the same seed gives the same noise with the requested std', () => {
      const x = tf.zeros([200, 100]);
      const a = addNoise(x, 0.5, 11);
      const b = addNoise(x, 0.5, 11);
      expect(values(tf.sub(a, b)).every((v) => v === 0)).toBe(true);
      const v = Array.from(a.dataSync());
      const mean = v.reduce((s, t) => s + t, 0) / v.length;
      const sd = Math.sqrt(v.reduce((s, t) => s + (t - mean) ** 2, 0) / v.length);
      // 20,000 draws: the mean's sd is 0.0035 and the std's about 0.0025; 6 sd bounds.
      expect(Math.abs(mean)).toBeLessThan(0.021);
      expect(Math.abs(sd - 0.5)).toBeLessThan(0.015);
      tf.dispose([x, a, b]);
    });
  });
}
