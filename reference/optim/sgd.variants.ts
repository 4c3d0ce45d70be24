import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

export const variants: Variant[] = [
  {
    id: 'adds-gradient',
    verdict: 'mistake',
    hint: 'Your output matches θ + η∇ (a step uphill): subtract the gradient, θ − η∇, to decrease the loss.',
    exports: {
      sgdStep: (params: tf.Tensor[], grads: tf.Tensor[], lr: number) =>
        tf.tidy(() => params.map((p, i) => p.add(grads[i]!.mul(lr)))),
    },
  },
  {
    id: 'ignores-lr',
    verdict: 'mistake',
    hint: 'Your output matches θ − ∇ (the learning rate left out): scale the gradient by lr, θ − lr·∇.',
    exports: {
      sgdStep: (params: tf.Tensor[], grads: tf.Tensor[], _lr: number) =>
        tf.tidy(() => params.map((p, i) => p.sub(grads[i]!))),
    },
  },
];
