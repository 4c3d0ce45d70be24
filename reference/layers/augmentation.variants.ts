import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';
import { rotate, shift } from './augmentation.ts';

/**
 * Bilinear rotation like the reference's, with the centre and the border rule as parameters:
 * `centre(h, w)` gives (cy, cx); `clamp` reads a neighbour outside the image from the nearest
 * edge pixel instead of 0. x: [N, H, W, C].
 */
function rotateWith(centre: (h: number, w: number) => [number, number], clamp: boolean) {
  return (x: tf.Tensor4D, radians: number): tf.Tensor4D => {
    const [n, h, w, ch] = x.shape;
    const [cy, cx] = centre(h, w);
    const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
    const outside = h * w; // index of an extra zero pixel
    const idx = new Int32Array(4 * h * w);
    const wt = new Float32Array(4 * h * w);
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const cs = cx + cos * (c - cx) - sin * (r - cy);
        const rs = cy + sin * (c - cx) + cos * (r - cy);
        const [r0, c0] = [Math.floor(rs), Math.floor(cs)];
        const [fr, fc] = [rs - r0, cs - c0];
        const corners: [number, number, number][] = [[r0, c0, (1 - fr) * (1 - fc)], [r0, c0 + 1, (1 - fr) * fc], [r0 + 1, c0, fr * (1 - fc)], [r0 + 1, c0 + 1, fr * fc]];
        corners.forEach(([rr, cc, weight], k) => {
          const inside = rr >= 0 && rr < h && cc >= 0 && cc < w;
          const [rc, cc2] = [Math.min(h - 1, Math.max(0, rr)), Math.min(w - 1, Math.max(0, cc))];
          idx[4 * (r * w + c) + k] = inside ? rr * w + cc : clamp ? rc * w + cc2 : outside;
          wt[4 * (r * w + c) + k] = weight;
        });
      }
    }
    return tf.tidy(() => {
      const flat = tf.concat([tf.reshape(x, [n, h * w, ch]), tf.zeros([n, 1, ch])], 1); // [N, H·W + 1, C]
      const picked = tf.gather(flat, tf.tensor1d(idx, 'int32'), 1); // [N, 4·H·W, C]
      const weighted = tf.mul(picked, tf.tensor3d(wt, [1, 4 * h * w, 1]));
      return tf.reshape(tf.sum(tf.reshape(weighted, [n, h * w, 4, ch]), 2), [n, h, w, ch]) as tf.Tensor4D;
    });
  };
}

/** shift with the vacated pixels copied from the nearest edge row/column (edge padding) instead of 0. */
function shiftClamped(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  return tf.tidy(() => {
    const rows = Array.from({ length: h }, (_, r) => Math.min(h - 1, Math.max(0, r - dy)));
    const cols = Array.from({ length: w }, (_, c) => Math.min(w - 1, Math.max(0, c - dx)));
    return tf.gather(tf.gather(x, tf.tensor1d(rows, 'int32'), 1), tf.tensor1d(cols, 'int32'), 2) as tf.Tensor4D;
  });
}

export const variants: Variant[] = [
  {
    id: 'flips-rows',
    verdict: 'mistake',
    hint: 'Your output matches a vertical flip (rows mirrored): a horizontal flip mirrors the columns, axis 2 of [N, H, W, C].',
    exports: { flipHorizontal: (x: tf.Tensor4D) => tf.reverse(x, 1) },
  },
  {
    id: 'shifts-backwards',
    verdict: 'mistake',
    hint: 'Your output matches the content moving up/left for positive dy/dx: positive dy moves it down and positive dx to the right.',
    exports: { shift: (x: tf.Tensor4D, dy: number, dx: number) => shift(x, -dy, -dx) },
  },
  {
    id: 'shifts-swapped-axes',
    verdict: 'mistake',
    hint: 'Your output matches dy applied to the columns and dx to the rows: dy moves rows (down), dx moves columns (right).',
    exports: { shift: (x: tf.Tensor4D, dy: number, dx: number) => shift(x, dx, dy) },
  },
  {
    id: 'rotates-clockwise',
    verdict: 'mistake',
    hint: 'Your output matches a clockwise rotation: with row 0 at the top, positive radians turn the content counter-clockwise as displayed (the sign of sin flips because rows grow downwards).',
    exports: { rotate: (x: tf.Tensor4D, radians: number) => rotate(x, -radians) },
  },
  {
    id: 'rotates-about-wrong-centre',
    verdict: 'mistake',
    hint: 'Your output matches a rotation about (H/2, W/2): the centre of an image whose pixel centres run from 0 to H − 1 is ((H − 1)/2, (W − 1)/2) (on a 28×28 image, 13.5, not 14).',
    exports: { rotate: rotateWith((h, w) => [h / 2, w / 2], false) },
  },
  {
    id: 'rotate-clamps-borders',
    verdict: 'mistake',
    hint: 'Your output matches a rotation that reads neighbours outside the image from the nearest edge pixel: outside the image counts as 0 (the corners the rotation brings in stay black).',
    exports: { rotate: rotateWith((h, w) => [(h - 1) / 2, (w - 1) / 2], true) },
  },
  {
    id: 'shift-clamps-borders',
    verdict: 'mistake',
    hint: 'Your output matches a shift that fills the vacated rows and columns with copies of the edge: they are filled with 0.',
    exports: { shift: shiftClamped },
  },
];
