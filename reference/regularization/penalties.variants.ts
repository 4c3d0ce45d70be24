import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

function total(params: tf.Tensor[], f: (p: tf.Tensor) => tf.Tensor): tf.Scalar {
  return params.reduce<tf.Scalar>((acc, p) => acc.add(f(p).sum()), tf.scalar(0));
}

export const variants: Variant[] = [
  {
    id: 'l2-half',
    verdict: 'mistake',
    hint: 'Your output matches ½·λ·Σθ², half the expected value: this exercise defines the L2 penalty as λ·Σθ² with no ½ (some texts include it; here it is not).',
    exports: {
      l2Penalty: (params: tf.Tensor[], lambda: number) => tf.tidy(() => total(params, (p) => p.square()).mul(lambda / 2)),
    },
  },
  {
    id: 'l2-square-of-sum',
    verdict: 'mistake',
    hint: 'Your output matches λ·(Σθ)², the square of the sum: square each parameter first, then sum, λ·Σθ².',
    exports: {
      l2Penalty: (params: tf.Tensor[], lambda: number) => tf.tidy(() => total(params, (p) => p).square().mul(lambda)),
    },
  },
  {
    id: 'l1-no-abs',
    verdict: 'mistake',
    hint: 'Your output matches λ·Σθ without the absolute value: positive and negative weights cancel. Use λ·Σ|θ| (tf.abs).',
    exports: {
      l1Penalty: (params: tf.Tensor[], lambda: number) => tf.tidy(() => total(params, (p) => p).mul(lambda)),
    },
  },
  {
    id: 'lambda-ignored',
    verdict: 'mistake',
    hint: 'Your output matches the penalty without λ: multiply the sum by lambda, the regularisation strength.',
    exports: {
      l1Penalty: (params: tf.Tensor[], _lambda: number) => tf.tidy(() => total(params, (p) => p.abs())),
      l2Penalty: (params: tf.Tensor[], _lambda: number) => tf.tidy(() => total(params, (p) => p.square())),
    },
  },
];
