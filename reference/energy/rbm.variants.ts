import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

export const variants: Variant[] = [
  {
    id: 'hidden-without-bias',
    verdict: 'mistake',
    hint: 'Your hidden probabilities match σ(vW) without the hidden bias c: p(h = 1 | v) = σ(vW + c).',
    exports: { hiddenProbs: (v: tf.Tensor2D, w: tf.Tensor2D) => tf.tidy(() => tf.sigmoid(tf.matMul(v, w))) },
  },
  {
    id: 'visible-with-hidden-bias-shape',
    verdict: 'mistake',
    hint: 'Your visible probabilities match σ(hWᵀ) without the visible bias b: p(v = 1 | h) = σ(hWᵀ + b).',
    exports: { visibleProbs: (h: tf.Tensor2D, w: tf.Tensor2D) => tf.tidy(() => tf.sigmoid(tf.matMul(h, w, false, true))) },
  },
];
