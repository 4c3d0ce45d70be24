import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';
import { conv2d } from './conv2d.ts';

type Conv = (x: tf.Tensor4D, w: tf.Tensor4D, b: tf.Tensor1D, stride: [number, number], pad: [number, number]) => tf.Tensor4D;

export const variants: Variant[] = [
  {
    id: 'flipped-kernel',
    verdict: 'mistake',
    hint: 'Your output matches a true convolution (the kernel flipped in both spatial axes): a convolutional layer computes the cross-correlation Σ w[u, v, c1, c2]·x[i·s1 + u, j·s2 + v, c1], with w not flipped, as in the notes.',
    exports: {
      conv2d: ((x, w, b, stride, pad) => tf.tidy(() => conv2d(x, tf.reverse(w, [0, 1]), b, stride, pad))) as Conv,
    },
  },
  {
    id: 'notes-output-size',
    verdict: 'mistake',
    hint: "Your output has the notes' size ⌊(n − k + 2p)/s⌋, one row and one column short: the output has ⌊(n − k + 2p)/s⌋ + 1 rows (windows start at rows 0, s, 2s, … as long as the window fits), and likewise for columns.",
    exports: {
      conv2d: ((x, w, b, stride, pad) =>
        tf.tidy(() => {
          const y = conv2d(x, w, b, stride, pad);
          return y.slice([0, 0, 0, 0], [-1, y.shape[1] - 1, y.shape[2] - 1, -1]);
        })) as Conv,
    },
  },
  {
    id: 'rows-padded-only',
    verdict: 'mistake',
    hint: 'Your output matches padding of the rows only: pad = [p1, p2] adds p1 zero rows above and below and p2 zero columns left and right.',
    exports: { conv2d: ((x, w, b, stride, pad) => conv2d(x, w, b, stride, [pad[0], 0])) as Conv },
  },
  {
    id: 'columns-padded-only',
    verdict: 'mistake',
    hint: 'Your output matches padding of the columns only: pad = [p1, p2] adds p1 zero rows above and below and p2 zero columns left and right.',
    exports: { conv2d: ((x, w, b, stride, pad) => conv2d(x, w, b, stride, [0, pad[1]])) as Conv },
  },
  {
    id: 'swapped-padding',
    verdict: 'mistake',
    hint: 'Your output matches pad = [p2, p1]: the first entry pads the rows (height, axis 1), the second the columns (width, axis 2).',
    exports: { conv2d: ((x, w, b, stride, pad) => conv2d(x, w, b, stride, [pad[1], pad[0]])) as Conv },
  },
  {
    id: 'swapped-stride',
    verdict: 'mistake',
    hint: 'Your output matches stride = [s2, s1]: the first entry steps down the rows (height, axis 1), the second across the columns (width, axis 2).',
    exports: { conv2d: ((x, w, b, stride, pad) => conv2d(x, w, b, [stride[1], stride[0]], pad)) as Conv },
  },
  {
    id: 'bias-ignored',
    verdict: 'mistake',
    hint: 'Your output matches the convolution without the bias: add b[c2] to every output of channel c2 (one bias per output channel).',
    exports: { conv2d: ((x, w, b, stride, pad) => tf.tidy(() => conv2d(x, w, tf.zerosLike(b), stride, pad))) as Conv },
  },
];
