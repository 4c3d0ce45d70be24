import * as tf from '@tensorflow/tfjs';
import type { AdamState } from './adam.ts';
import type { Variant } from '../variant.ts';

type Hp = { lr: number; beta1: number; beta2: number; eps: number };

/** Adam with the pieces a student may get differently: the bias-correction exponent, ε's place, which moments are returned. */
function adamLike(opts: { correction: 'none' | 't+1' | 't'; epsInside: boolean; keepMoments: boolean }) {
  return (params: tf.Tensor[], grads: tf.Tensor[], state: AdamState, { lr, beta1, beta2, eps }: Hp) => {
    const k = opts.correction === 't' ? state.t : state.t + 1; // the exponent of the bias correction
    const c1 = opts.correction === 'none' ? 1 : 1 - beta1 ** k;
    const c2 = opts.correction === 'none' ? 1 : 1 - beta2 ** k;
    return tf.tidy(() => {
      const m = state.m.map((m, i) => m.mul(beta1).add(grads[i]!.mul(1 - beta1)));
      const v = state.v.map((v, i) => v.mul(beta2).add(grads[i]!.square().mul(1 - beta2)));
      const denom = (i: number) => (opts.epsInside ? v[i]!.div(c2).add(eps).sqrt() : v[i]!.div(c2).sqrt().add(eps));
      const next = params.map((p, i) => p.sub(m[i]!.div(c1).mul(lr).div(denom(i))));
      const kept = opts.keepMoments ? { m: state.m.map((x) => x.clone()), v: state.v.map((x) => x.clone()) } : { m, v };
      return { params: next, state: { ...kept, t: state.t + 1 } };
    });
  };
}

export const variants: Variant[] = [
  {
    id: 'eps-inside-sqrt',
    verdict: 'accepted',
    hint: 'Your output matches Adam with ε inside the square root, √(v̂ + ε), as the notes write it: accepted. tf.train.adam and the Adam paper use √v̂ + ε; the two differ only where v̂ is comparable to ε.',
    exports: { adamStep: adamLike({ correction: 't+1', epsInside: true, keepMoments: false }) },
  },
  {
    id: 'no-bias-correction',
    verdict: 'mistake',
    hint: 'Your output matches Adam without bias correction: divide m by 1 − β1^(t+1) and v by 1 − β2^(t+1), where t = state.t is the number of steps already taken; without it the early steps are off by a factor of about (1 − β1^(t+1))/√(1 − β2^(t+1)) (≈ 3 at the first step with β1 = 0.9, β2 = 0.999).',
    exports: { adamStep: adamLike({ correction: 'none', epsInside: false, keepMoments: false }) },
  },
  {
    id: 'bias-correction-with-t',
    verdict: 'mistake',
    hint: 'Your output matches bias corrections 1 − β^t with t = state.t: state.t counts the steps already taken, so this step is number t + 1 and needs 1 − β^(t+1) (at t = 0 yours divides by zero).',
    exports: { adamStep: adamLike({ correction: 't', epsInside: false, keepMoments: false }) },
  },
  {
    id: 'moments-not-updated',
    verdict: 'mistake',
    hint: 'Your output matches Adam returning the old m and v in its state: return the updated moments m = β1·m + (1 − β1)∇ and v = β2·v + (1 − β2)∇², or every step starts again from the initial moments.',
    exports: { adamStep: adamLike({ correction: 't+1', epsInside: false, keepMoments: true }) },
  },
];
