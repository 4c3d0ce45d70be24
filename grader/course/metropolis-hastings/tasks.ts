import * as tf from '@tensorflow/tfjs';
import { fixedProposal, proposalOf, targetLogP, type ProposalSpec, type TargetSpec } from './models.ts';
import type { Impl, TaskTable } from '../../tasks/types.ts';

/** Chains and steps kept for the trace plot (a picture only: no verdict reads it). */
const TRACE_CHAINS = 4;
const TRACE_STEPS = 1000;

/**
 * What the judges read: the shape of `samples`, the states of the last step (one per chain),
 * acceptRate, `moved` (how many of the steps · chains proposals moved a chain: samples[t]
 * differs from the state before it, x0 before step 0; null when the shape is wrong); and for
 * the picture, `trace`: the first coordinate of the first few chains over the steps, every
 * k-th step so at most TRACE_STEPS remain ([chains, steps′]).
 */
function summarise(out: unknown, steps: number, x0: tf.Tensor2D) {
  const o = out as { samples?: unknown; acceptRate?: unknown };
  if (!o || !(o.samples instanceof tf.Tensor)) throw new TypeError('metropolisHastings must return { samples: tf.Tensor3D, acceptRate: number }');
  const s = o.samples as tf.Tensor;
  if (s.rank !== 3 || s.shape[0] !== steps) return { shape: s.shape, last: null, acceptRate: Number(o.acceptRate), moved: null };
  const every = Math.max(1, Math.ceil(steps / TRACE_STEPS));
  const trace = tf.tidy(() => {
    const first = tf.slice(s, [0, 0, 0], [-1, Math.min(TRACE_CHAINS, s.shape[1]!), 1]).toFloat(); // [steps, c, 1]
    const idx = tf.range(0, steps, every, 'int32');
    return tf.transpose(tf.squeeze(tf.gather(first, idx, 0), [2])); // [c, steps′]
  });
  return { shape: s.shape, last: tf.tidy(() => tf.squeeze(tf.slice(s, [steps - 1, 0, 0], [1, -1, -1]), [0]).toFloat()), acceptRate: Number(o.acceptRate), moved: movedCount(s, x0), trace, traceEvery: every };
}

/**
 * How many (step, chain) pairs moved: samples[t] differs in some coordinate from the state
 * before it (x0 before step 0). Where no proposal equals its current state, that is the number
 * of accepted proposals. null when samples is not [steps, chains, d] with x0's chains and d.
 */
function movedCount(s: tf.Tensor, x0: tf.Tensor2D): number | null {
  if (s.shape[1] !== x0.shape[0] || s.shape[2] !== x0.shape[1]) return null;
  const steps = s.shape[0]!;
  return tf.tidy(() => {
    const states = tf.concat([tf.expandDims(x0.toFloat(), 0), s.toFloat()], 0); // [steps + 1, chains, d]
    const before = tf.slice(states, [0, 0, 0], [steps, -1, -1]);
    const after = tf.slice(states, [1, 0, 0], [steps, -1, -1]);
    return tf.sum(tf.cast(tf.any(tf.notEqual(before, after), 2), 'int32')).dataSync()[0]!; // over [steps, chains]
  });
}

function disposeOut(out: unknown): void {
  const o = out as { samples?: unknown };
  if (o && o.samples instanceof tf.Tensor) o.samples.dispose();
}

export const tasks: TaskTable = {
  /** A chain on a target and proposal named by plain data: args [target, proposal, x0, steps, seed]. */
  chains(impl, args) {
    const [target, proposal, x0, steps, seed] = args as [TargetSpec, Exclude<ProposalSpec, { kind: 'fixed' }>, tf.Tensor2D, number, number];
    const out = impl.metropolisHastings(targetLogP(target), proposalOf(proposal), x0, steps, seed);
    try {
      return summarise(out, steps, x0);
    } finally {
      disposeOut(out);
    }
  },
  /** `chains` twice with the case's seed and once with the next one: the summaries (last step, acceptRate) must follow the seed. */
  seedProbe(impl, args) {
    const [target, proposal, x0, steps, seed] = args as [TargetSpec, Exclude<ProposalSpec, { kind: 'fixed' }>, tf.Tensor2D, number, number];
    const run = (s: number) => {
      const out = impl.metropolisHastings(targetLogP(target), proposalOf(proposal), x0, steps, s);
      try {
        return summarise(out, steps, x0);
      } finally {
        disposeOut(out);
      }
    };
    return { first: run(seed), again: run(seed), changed: run(seed + 1) };
  },
  /**
   * One step from known states x0 with a proposal whose draw is fixed (x' = to) and whose
   * densities are given per chain: each chain accepts with a known probability.
   * args [target, x0, to, logqForward, logqBackward, seed].
   */
  oneStep(impl, args) {
    const [target, x0, to, forward, backward, seed] = args as [TargetSpec, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, number];
    const out = impl.metropolisHastings(targetLogP(target), fixedProposal(to, forward, backward), x0, 1, seed);
    try {
      return { ...summarise(out, 1, x0), recorded: recordedProbe(impl, target, x0, to, forward, backward, seed) };
    } finally {
      disposeOut(out);
    }
  },
};

/**
 * Which step samples[t] records, seen from a two-step run of the same chains: how many chains
 * recorded exactly x0 at t = 0 and at t = 1. A sampler that records the state *before* each
 * step has every chain at x0 at t = 0 and moved chains at t = 1; one that never moves has x0 at both.
 */
function recordedProbe(impl: Impl, target: TargetSpec, x0: tf.Tensor2D, to: tf.Tensor2D, forward: tf.Tensor1D, backward: tf.Tensor1D, seed: number): { atX0: number[] } | null {
  let out: unknown;
  try {
    out = impl.metropolisHastings(targetLogP(target), fixedProposal(to, forward, backward), x0, 2, seed + 1);
  } catch {
    return null; // the one-step run is what is judged; this probe only explains it
  }
  try {
    const s = (out as { samples?: unknown }).samples;
    if (!(s instanceof tf.Tensor) || s.rank !== 3 || s.shape[0] !== 2) return null;
    const atX0 = tf.tidy(() => {
      const same = tf.all(tf.equal(s.toFloat(), tf.expandDims(x0.toFloat(), 0)), 2); // [2, chains]
      return Array.from(tf.sum(tf.cast(same, 'int32'), 1).dataSync());
    });
    return { atX0 };
  } finally {
    disposeOut(out);
  }
}
