import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

type Hp = { lr: number; gamma: number };

export const variants: Variant[] = [
  {
    id: 'velocity-not-updated',
    verdict: 'mistake',
    hint: 'Your output matches θ − γv − η∇ with the old velocity handed back: return the new velocity v = γv + η∇ too, or the next step has no momentum.',
    exports: {
      momentumStep: (params: tf.Tensor[], grads: tf.Tensor[], velocity: tf.Tensor[], { lr, gamma }: Hp) =>
        tf.tidy(() => ({
          params: params.map((p, i) => p.sub(velocity[i]!.mul(gamma)).sub(grads[i]!.mul(lr))),
          velocity: velocity.map((v) => v.clone()),
        })),
    },
  },
  {
    id: 'velocity-opposite-sign',
    verdict: 'mistake',
    hint: 'Your output matches a velocity of the opposite sign (v = γv − η∇, θ = θ + v): the exercise stores v = γv + η∇ and steps θ − v. Your parameters agree only when the velocity starts at 0.',
    exports: {
      momentumStep: (params: tf.Tensor[], grads: tf.Tensor[], velocity: tf.Tensor[], { lr, gamma }: Hp) =>
        tf.tidy(() => {
          const v = velocity.map((v, i) => v.mul(gamma).sub(grads[i]!.mul(lr)));
          return { params: params.map((p, i) => p.add(v[i]!)), velocity: v };
        }),
    },
  },
  {
    id: 'ema-velocity',
    verdict: 'mistake',
    hint: 'Your output matches the moving-average form v = γv + (1 − γ)∇, θ = θ − ηv: the exercise (notes 0.3.3) uses v = γv + η∇, θ = θ − v, which takes steps 1/(1 − γ) times larger.',
    exports: {
      momentumStep: (params: tf.Tensor[], grads: tf.Tensor[], velocity: tf.Tensor[], { lr, gamma }: Hp) =>
        tf.tidy(() => {
          const v = velocity.map((v, i) => v.mul(gamma).add(grads[i]!.mul(1 - gamma)));
          return { params: params.map((p, i) => p.sub(v[i]!.mul(lr))), velocity: v };
        }),
    },
  },
];
