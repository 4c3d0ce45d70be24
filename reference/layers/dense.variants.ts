import * as tf from '@tensorflow/tfjs';
import { sigmoid } from './dense.ts';
import type { Variant } from '../variant.ts';

export const variants: Variant[] = [
  {
    id: 'transposed-weight',
    verdict: 'mistake',
    hint: 'Your output matches x·wᵀ + b: w is [n, m] (inputs × outputs, as in tf.layers.dense), so compute x·w + b without transposing.',
    exports: {
      dense: (x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) => tf.tidy(() => x.matMul(w, false, true).add(b)),
    },
  },
  {
    id: 'bias-ignored',
    verdict: 'mistake',
    hint: 'Your output matches x·w without the bias: add b (shape [m]; it broadcasts over the N rows).',
    exports: {
      dense: (x: tf.Tensor2D, w: tf.Tensor2D, _b: tf.Tensor1D) => tf.tidy(() => x.matMul(w)),
    },
  },
  {
    id: 'sigmoid-sign-error',
    verdict: 'mistake',
    hint: 'Your output matches 1/(1 + eˣ), which is σ(−x): the sigmoid is 1/(1 + e⁻ˣ) (it should increase with x, σ(2) ≈ 0.88).',
    exports: {
      sigmoid: (x: tf.Tensor) => tf.tidy(() => sigmoid(x.neg())),
    },
  },
  {
    id: 'tanh-as-sigmoid',
    verdict: 'mistake',
    hint: 'Your output matches the sigmoid where tanh was asked for: tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) = 2σ(2x) − 1, with values in (−1, 1) and tanh(0) = 0.',
    exports: {
      tanh: (x: tf.Tensor) => sigmoid(x),
    },
  },
];
