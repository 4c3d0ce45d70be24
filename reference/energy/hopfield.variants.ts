import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

export const variants: Variant[] = [
  {
    id: 'keeps-diagonal',
    verdict: 'mistake',
    hint: 'Your weights match (1/n)·Σₚ xₚxₚᵀ with the diagonal left in (it is P/n): set Wᵢᵢ = 0, a unit must not feed back into itself.',
    exports: { hebbianWeights: (p: tf.Tensor2D) => tf.tidy(() => tf.div(tf.matMul(p, p, true, false), p.shape[1])) },
  },
  {
    id: 'no-normalisation',
    verdict: 'mistake',
    hint: 'Your weights match Σₚ xₚxₚᵀ without the 1/n factor: W = (1/n)·Σₚ xₚxₚᵀ, n the number of units.',
    exports: { hebbianWeights: (p: tf.Tensor2D) => tf.tidy(() => tf.mul(tf.matMul(p, p, true, false), tf.sub(1, tf.eye(p.shape[1])))) },
  },
  {
    id: 'divides-by-patterns',
    verdict: 'mistake',
    hint: 'Your weights divide by the number of patterns P; the course normalises by the number of units n: W = (1/n)·Σₚ xₚxₚᵀ.',
    exports: { hebbianWeights: (p: tf.Tensor2D) => tf.tidy(() => tf.mul(tf.div(tf.matMul(p, p, true, false), p.shape[0]), tf.sub(1, tf.eye(p.shape[1])))) },
  },
  {
    id: 'energy-without-half',
    verdict: 'mistake',
    hint: 'Your energy matches −xᵀWx: the Hopfield energy has a factor ½, E(x) = −½ xᵀWx.',
    exports: { energy: (x: tf.Tensor2D, w: tf.Tensor2D) => tf.tidy(() => tf.neg(tf.sum(tf.mul(tf.matMul(x, w), x), 1))) },
  },
  {
    id: 'energy-sign',
    verdict: 'mistake',
    hint: 'Your energy matches +½ xᵀWx: the sign is minus, so that stored patterns have LOW energy.',
    exports: { energy: (x: tf.Tensor2D, w: tf.Tensor2D) => tf.tidy(() => tf.mul(0.5, tf.sum(tf.mul(tf.matMul(x, w), x), 1))) },
  },
];
