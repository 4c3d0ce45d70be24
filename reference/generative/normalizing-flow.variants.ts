import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';
import { LOG_2PI, type CouplingLayer, type CouplingNet } from './normalizing-flow.ts';

type Forward = (x: tf.Tensor2D, mask: tf.Tensor, net: CouplingNet) => { y: tf.Tensor2D; logDet: tf.Tensor1D };
type Inverse = (y: tf.Tensor2D, mask: tf.Tensor, net: CouplingNet) => tf.Tensor2D;

interface ForwardParts {
  /** What the net sees (right: m·x). */
  netInput?: (x: tf.Tensor, m: tf.Tensor) => tf.Tensor;
  /** logDet from s, the mask m and 1 − m (right: Σ (1 − m)·s). */
  logDet?: (s: tf.Tensor, m: tf.Tensor, free: tf.Tensor) => tf.Tensor;
  /** y (right: m·x + (1 − m)·(x·exp(s) + t)). */
  y?: (x: tf.Tensor, m: tf.Tensor, free: tf.Tensor, s: tf.Tensor, t: tf.Tensor) => tf.Tensor;
}

/** A coupling forward with some parts done wrong. */
function forwardWith(parts: ForwardParts): Forward {
  return (x, mask, net) =>
    tf.tidy(() => {
      const m = tf.reshape(mask.toFloat(), [1, -1]);
      const free = tf.sub(1, m);
      const { s, t } = net((parts.netInput ?? ((a, b) => tf.mul(a, b)))(x, m) as tf.Tensor2D);
      const y = (parts.y ?? ((xx, mm, ff, ss, tt) => tf.add(tf.mul(xx, mm), tf.mul(ff, tf.add(tf.mul(xx, tf.exp(ss)), tt)))))(x, m, free, s, t);
      const logDet = (parts.logDet ?? ((ss, _mm, ff) => tf.sum(tf.mul(ff, ss), 1)))(s, m, free);
      return { y: y as tf.Tensor2D, logDet: logDet as tf.Tensor1D };
    });
}

/** An inverse whose transformed half is `undo(y, s, t)` (right: (y − t)·exp(−s)). */
function inverseWith(undo: (y: tf.Tensor, s: tf.Tensor, t: tf.Tensor) => tf.Tensor): Inverse {
  return (y, mask, net) =>
    tf.tidy(() => {
      const m = tf.reshape(mask.toFloat(), [1, -1]);
      const ym = tf.mul(y, m) as tf.Tensor2D;
      const { s, t } = net(ym);
      return tf.add(ym, tf.mul(tf.sub(1, m), undo(y, s, t))) as tf.Tensor2D;
    });
}

interface LogProbParts {
  reversed?: boolean;
  /** The constant of log N(z; 0, I) per example, given d (right: −(d/2)·log 2π). */
  constant?: (d: number) => number;
  /** How Σ logDet enters (right: +1). */
  logDetSign?: number;
}

/** flowLogProb over a given coupling forward, with some parts done wrong. */
function logProbWith(forward: Forward, parts: LogProbParts = {}) {
  return (x: tf.Tensor2D, layers: CouplingLayer[]) =>
    tf.tidy(() => {
      let z = x;
      let logDet: tf.Tensor = tf.zeros([x.shape[0]]);
      for (const { mask, net } of parts.reversed ? [...layers].reverse() : layers) {
        const out = forward(z, mask, net);
        z = out.y;
        logDet = tf.add(logDet, out.logDet);
      }
      const d = x.shape[1];
      const base = tf.add(tf.mul(-0.5, tf.sum(tf.square(z), 1)), (parts.constant ?? ((n) => -0.5 * n * LOG_2PI))(d));
      return tf.add(base, tf.mul(parts.logDetSign ?? 1, logDet)) as tf.Tensor1D;
    });
}

const right = forwardWith({});

/** The forward mistake, and flowLogProb built on it, so the hint shows on every check it touches. */
function forwardMistake(id: string, hint: string, parts: ForwardParts): Variant {
  const f = forwardWith(parts);
  return { id, verdict: 'mistake', hint, exports: { couplingForward: f, flowLogProb: logProbWith(f) } };
}

export const variants: Variant[] = [
  forwardMistake(
    'logdet-sign',
    'Your output matches logDet = −Σ (1 − mask)·s: the forward map multiplies the transformed half by exp(s), so ∂y/∂x has exp(s) on its diagonal there and log|det| = +Σ (1 − mask)·s (−Σ s is the inverse\'s log-determinant).',
    { logDet: (s, _m, free) => tf.neg(tf.sum(tf.mul(free, s), 1)) },
  ),
  forwardMistake(
    'logdet-conditioning-half',
    'Your output matches logDet = Σ mask·s, summed over the conditioning half: those dims pass through unchanged (their Jacobian diagonal is 1, log 1 = 0); sum s over the transformed dims, Σ (1 − mask)·s.',
    { logDet: (s, m) => tf.sum(tf.mul(m, s), 1) },
  ),
  forwardMistake(
    'logdet-all-dims',
    'Your output matches logDet = Σ s over all d dims: only the transformed dims (mask = 0) are scaled by exp(s); the conditioning dims contribute log 1 = 0, so sum (1 − mask)·s.',
    { logDet: (s) => tf.sum(s, 1) },
  ),
  forwardMistake(
    'net-on-x',
    'Your output matches (s, t) = net(x) instead of net(mask·x): the net must see only the conditioning half, or s and t depend on the dims they transform, the Jacobian is no longer triangular, Σ (1 − mask)·s is not its log-determinant, and the inverse cannot recover x.',
    { netInput: (x) => x },
  ),
  forwardMistake(
    'drops-conditioning-half',
    'Your output matches y = (1 − mask)·(x·exp(s) + t) without the + mask·x term: the conditioning half must pass through unchanged (y = mask·x + (1 − mask)·(x·exp(s) + t)), or the map is not invertible.',
    { y: (x, _m, free, s, t) => tf.mul(free, tf.add(tf.mul(x, tf.exp(s)), t)) },
  ),
  {
    id: 'inverse-exp-plus',
    verdict: 'mistake',
    hint: 'Your output matches an inverse that multiplies by exp(s): the forward multiplied by exp(s), so the inverse divides, x = (y − t)·exp(−s) on the transformed half.',
    exports: { couplingInverse: inverseWith((y, s, t) => tf.mul(tf.sub(y, t), tf.exp(s))) },
  },
  {
    id: 'inverse-shift-after-scale',
    verdict: 'mistake',
    hint: 'Your output matches x = y·exp(−s) − t: undo the forward\'s steps in reverse order, subtracting t first and then dividing by exp(s), x = (y − t)·exp(−s).',
    exports: { couplingInverse: inverseWith((y, s, t) => tf.sub(tf.mul(y, tf.exp(tf.neg(s))), t)) },
  },
  {
    id: 'log-normal-no-constant',
    verdict: 'mistake',
    hint: 'Your output matches log N(z; 0, I) without its constant: log N(z; 0, I) = −½|z|² − (d/2)·log 2π per example (the constant matters for a likelihood, a density that must integrate to 1).',
    exports: { flowLogProb: logProbWith(right, { constant: () => 0 }) },
  },
  {
    id: 'layers-reversed',
    verdict: 'mistake',
    hint: 'Your output matches the layers applied in reverse order: flowLogProb maps data to the base, x → layers[0] → layers[1] → … → z, accumulating each layer\'s logDet.',
    exports: { flowLogProb: logProbWith(right, { reversed: true }) },
  },
  {
    id: 'logprob-minus-logdet',
    verdict: 'mistake',
    hint: 'Your output matches log N(z) − Σ logDet: with z = f(x) the change of variables gives p(x) = N(f(x))·|det ∂f/∂x|, so the log-determinants are added.',
    exports: { flowLogProb: logProbWith(right, { logDetSign: -1 }) },
  },
];
