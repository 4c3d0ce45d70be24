import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';
import type { ResidualParams } from './resnet.ts';

const conv = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.add(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same'), b);

export const variants: Variant[] = [
  {
    id: 'no-skip',
    verdict: 'mistake',
    hint: 'Your output matches conv(relu(conv(x))) without the skip connection: a residual block returns x + C(x), add the input back.',
    exports: {
      residualBlock: (x: tf.Tensor4D, p: ResidualParams) => tf.tidy(() => conv(tf.relu(conv(x, p.w1, p.b1)), p.w2, p.b2)),
    },
  },
  {
    id: 'relu-after-add',
    verdict: 'mistake',
    hint: 'Your output matches relu(x + conv(conv(x))) (the ReLU moved after the addition): the ReLU goes between the two convolutions, x + conv(relu(conv(x))), with none after the sum.',
    exports: {
      residualBlock: (x: tf.Tensor4D, p: ResidualParams) => tf.tidy(() => tf.relu(tf.add(x, conv(conv(x, p.w1, p.b1), p.w2, p.b2)))),
    },
  },
  {
    id: 'extra-relu-after-add',
    verdict: 'mistake',
    hint: 'Your output matches relu(x + conv(relu(conv(x)))) (an extra ReLU after the sum, as in the original ResNet paper): this course\'s block is x + conv(relu(conv(x))), with no activation after the addition.',
    exports: {
      residualBlock: (x: tf.Tensor4D, p: ResidualParams) => tf.tidy(() => tf.relu(tf.add(x, conv(tf.relu(conv(x, p.w1, p.b1)), p.w2, p.b2)))),
    },
  },
  {
    id: 'no-inner-relu',
    verdict: 'mistake',
    hint: 'Your output matches x + conv(conv(x)) (no ReLU between the convolutions): apply relu to the first convolution\'s output, x + conv(relu(conv(x))).',
    exports: {
      residualBlock: (x: tf.Tensor4D, p: ResidualParams) => tf.tidy(() => tf.add(x, conv(conv(x, p.w1, p.b1), p.w2, p.b2))),
    },
  },
  {
    id: 'no-biases',
    verdict: 'mistake',
    hint: 'Your output matches x + conv(relu(conv(x))) without the biases: add b1 after the first convolution and b2 after the second.',
    exports: {
      residualBlock: (x: tf.Tensor4D, p: ResidualParams) =>
        tf.tidy(() => tf.add(x, tf.conv2d(tf.relu(tf.conv2d(x, p.w1, 1, 'same')) as tf.Tensor4D, p.w2, 1, 'same'))),
    },
  },
  {
    id: 'pre-activation',
    verdict: 'mistake',
    hint: 'Your output matches a pre-activation block, x + conv₂(relu(conv₁(relu(x)))): this exercise\'s block applies no ReLU to x before the first convolution, C(x) = conv₂(relu(conv₁(x))).',
    exports: {
      residualBlock: (x: tf.Tensor4D, p: ResidualParams) => tf.tidy(() => tf.add(x, conv(tf.relu(conv(tf.relu(x), p.w1, p.b1)), p.w2, p.b2))),
    },
  },
];
