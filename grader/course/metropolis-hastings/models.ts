/**
 * Targets and proposals for Metropolis–Hastings, built in the sandbox from plain data in a case
 * (functions cannot cross the process boundary). Their exact counterparts live in
 * grader/course/metropolis-hastings/exact.ts.
 */
import * as tf from '@tensorflow/tfjs';

export type TargetSpec =
  | { kind: 'table'; logits: number[] } // x ∈ {0, …, K−1}, [chains, 1]
  | { kind: 'mixture'; weights: number[]; means: number[]; stds: number[] } // 1-D
  | { kind: 'banana'; s1: number; b: number }; // x₁ ~ N(0, s1²), x₂ | x₁ ~ N(b(x₁² − s1²), 1)

export type ProposalSpec =
  | { kind: 'cycle'; states: number; up: number } // x ± 1 mod K, +1 with probability `up`
  | { kind: 'independent'; probs: number[] } // x' ~ probs, whatever x
  | { kind: 'gaussian'; std: number; drift: number[] } // x' = x + drift + std·ε
  | { kind: 'fixed' }; // x' = the case's `to` (see fixedProposal)

const LOG_2PI = Math.log(2 * Math.PI);

/** One-hot of integer-valued x [chains, 1] over K states: [chains, K]. */
const oneHot = (x: tf.Tensor, k: number) => tf.oneHot(tf.cast(tf.reshape(tf.round(x), [-1]), 'int32'), k).toFloat();

export function targetLogP(t: TargetSpec): (x: tf.Tensor2D) => tf.Tensor1D {
  if (t.kind === 'table') return (x) => tf.tidy(() => tf.sum(tf.mul(oneHot(x, t.logits.length), tf.tensor1d(t.logits)), 1) as tf.Tensor1D);
  if (t.kind === 'mixture') {
    return (x) => tf.tidy(() => {
      const z = tf.div(tf.sub(x, tf.tensor1d(t.means)), tf.tensor1d(t.stds)); // [chains, M]
      const comp = tf.sub(tf.tensor1d(t.weights.map((w, m) => Math.log(w) - Math.log(t.stds[m]!) - 0.5 * LOG_2PI)), tf.mul(0.5, tf.square(z)));
      return tf.logSumExp(comp, 1) as tf.Tensor1D;
    });
  }
  return (x) => tf.tidy(() => {
    const [x1, x2] = tf.split(x, 2, 1) as [tf.Tensor, tf.Tensor];
    const r = tf.sub(x2, tf.mul(t.b, tf.sub(tf.square(x1), t.s1 * t.s1)));
    return tf.reshape(tf.neg(tf.add(tf.div(tf.square(x1), 2 * t.s1 * t.s1), tf.div(tf.square(r), 2))), [-1]) as tf.Tensor1D;
  });
}

/** `fixed`: sample(x) returns `to` whatever x; logProb(a, b) is `forward` per chain when a is `to`, else `backward`. */
export function fixedProposal(to: tf.Tensor2D, forward: tf.Tensor1D, backward: tf.Tensor1D) {
  return {
    sample: (_x: tf.Tensor2D, _seed: number) => to.clone(),
    logProb: (a: tf.Tensor2D, _b: tf.Tensor2D) => tf.tidy(() => tf.where(tf.all(tf.equal(a, to), 1), forward, backward) as tf.Tensor1D),
  };
}

export function proposalOf(p: Exclude<ProposalSpec, { kind: 'fixed' }>) {
  if (p.kind === 'cycle') {
    const k = p.states;
    return {
      sample: (x: tf.Tensor2D, seed: number) => tf.tidy(() => {
        const step = tf.sub(tf.mul(2, tf.cast(tf.less(tf.randomUniform(x.shape, 0, 1, 'float32', seed), p.up), 'float32')), 1);
        return tf.mod(tf.add(tf.add(x, step), k), k) as tf.Tensor2D;
      }),
      logProb: (to: tf.Tensor2D, from: tf.Tensor2D) => tf.tidy(() => {
        const d = tf.reshape(tf.mod(tf.add(tf.sub(tf.round(to), tf.round(from)), k), k), [-1]) as tf.Tensor1D;
        return tf.where(tf.equal(d, 1), tf.fill(d.shape as [number], Math.log(p.up)), tf.where(tf.equal(d, k - 1), tf.fill(d.shape as [number], Math.log(1 - p.up)), tf.fill(d.shape as [number], -Infinity))) as tf.Tensor1D;
      }),
    };
  }
  if (p.kind === 'independent') {
    const cum = p.probs.slice(0, -1).map((_, i) => p.probs.slice(0, i + 1).reduce((a, b) => a + b, 0));
    return {
      sample: (x: tf.Tensor2D, seed: number) => tf.tidy(() => {
        const u = tf.randomUniform(x.shape, 0, 1, 'float32', seed);
        return tf.sum(tf.cast(tf.greaterEqual(tf.expandDims(u, 2), tf.reshape(tf.tensor1d(cum), [1, 1, -1])), 'float32'), 2) as tf.Tensor2D;
      }),
      logProb: (to: tf.Tensor2D, _from: tf.Tensor2D) => tf.tidy(() => tf.sum(tf.mul(oneHot(to, p.probs.length), tf.tensor1d(p.probs.map(Math.log))), 1) as tf.Tensor1D),
    };
  }
  const d = p.drift.length;
  return {
    sample: (x: tf.Tensor2D, seed: number) => tf.tidy(() => tf.add(tf.add(x, tf.tensor1d(p.drift)), tf.mul(p.std, tf.randomNormal(x.shape, 0, 1, 'float32', seed))) as tf.Tensor2D),
    logProb: (to: tf.Tensor2D, from: tf.Tensor2D) => tf.tidy(() => {
      const z = tf.div(tf.sub(tf.sub(to, from), tf.tensor1d(p.drift)), p.std);
      return tf.sub(tf.mul(-0.5, tf.sum(tf.square(z), 1)), d * (Math.log(p.std) + 0.5 * LOG_2PI)) as tf.Tensor1D;
    }),
  };
}
