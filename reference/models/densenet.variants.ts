import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';
import type { ConvParams } from './densenet.ts';

const conv = (x: tf.Tensor, p: ConvParams, pad: 'same' | 'valid' = 'same') => tf.add(tf.conv2d(x as tf.Tensor4D, p.w, 1, pad), p.b) as tf.Tensor4D;

export const variants: Variant[] = [
  {
    id: 'concat-new-first',
    verdict: 'mistake',
    hint: 'Your output matches concat(relu(conv(x)), x) (the new feature maps first): keep the input\'s channels first, xᵢ = concat(xᵢ₋₁, relu(convᵢ(xᵢ₋₁))), so each layer\'s weights see the channels in the order they were trained for.',
    exports: {
      denseBlock: (x: tf.Tensor4D, layers: ConvParams[]) => tf.tidy(() => layers.reduce((h, p) => tf.concat([tf.relu(conv(h, p)), h], 3) as tf.Tensor4D, x.clone())),
    },
  },
  {
    id: 'last-output-only',
    verdict: 'mistake',
    hint: 'Your output matches the last layer\'s relu(conv(·)) alone: a dense block returns the concatenation of its input and every layer\'s new maps, C + Σ gᵢ channels.',
    exports: {
      denseBlock: (x: tf.Tensor4D, layers: ConvParams[]) =>
        tf.tidy(() => {
          let h = x.clone();
          let last = x.clone();
          for (const p of layers) {
            last = tf.relu(conv(h, p));
            h = tf.concat([h, last], 3);
          }
          return last;
        }),
    },
  },
  {
    id: 'no-relu',
    verdict: 'mistake',
    hint: 'Your output matches concat(x, conv(x)) without the ReLU: each layer adds relu(conv(xᵢ₋₁)).',
    exports: {
      denseBlock: (x: tf.Tensor4D, layers: ConvParams[]) => tf.tidy(() => layers.reduce((h, p) => tf.concat([h, conv(h, p)], 3) as tf.Tensor4D, x.clone())),
    },
  },
  {
    id: 'transition-max-pool',
    verdict: 'mistake',
    hint: 'Your output matches a 1×1 convolution followed by max pooling: the transition layer averages each 2×2 window (tf.avgPool), it does not take the maximum.',
    exports: {
      transition: (x: tf.Tensor4D, p: ConvParams) => tf.tidy(() => tf.maxPool(conv(x, p, 'valid'), 2, 2, 'valid')),
    },
  },
  {
    id: 'transition-relu',
    verdict: 'mistake',
    hint: 'Your output matches avgPool(relu(conv₁ₓ₁(x))): this course\'s transition layer has no activation, a 1×1 convolution then 2×2 average pooling.',
    exports: {
      transition: (x: tf.Tensor4D, p: ConvParams) => tf.tidy(() => tf.avgPool(tf.relu(conv(x, p, 'valid')), 2, 2, 'valid')),
    },
  },
  {
    id: 'transition-no-pool',
    verdict: 'mistake',
    hint: 'Your output matches the 1×1 convolution without the pooling: follow it with 2×2 average pooling, stride 2, which halves the height and width.',
    exports: {
      transition: (x: tf.Tensor4D, p: ConvParams) => tf.tidy(() => conv(x, p, 'valid')),
    },
  },
  {
    id: 'relu-over-concatenation',
    verdict: 'mistake',
    hint: 'Your output matches relu(concat(xᵢ₋₁, conv(xᵢ₋₁))), the ReLU applied to the whole concatenation: it also clips the input\'s own channels. Apply it to the new maps only, xᵢ = concat(xᵢ₋₁, relu(convᵢ(xᵢ₋₁))).',
    exports: {
      denseBlock: (x: tf.Tensor4D, layers: ConvParams[]) => tf.tidy(() => layers.reduce((h, p) => tf.relu(tf.concat([h, conv(h, p)], 3)) as tf.Tensor4D, x.clone())),
    },
  },
];
