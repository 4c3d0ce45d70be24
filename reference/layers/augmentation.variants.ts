import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';
import { rotate, shift } from './augmentation.ts';

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
];
