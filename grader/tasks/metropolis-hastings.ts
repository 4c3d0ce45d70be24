import * as tf from '@tensorflow/tfjs';
import { fixedProposal, proposalOf, targetLogP, type ProposalSpec, type TargetSpec } from './mh-models.ts';
import type { TaskTable } from './types.ts';

/** What the judges read: the shape of `samples`, the states of the last step (one per chain), acceptRate. */
function summarise(out: unknown, steps: number) {
  const o = out as { samples?: unknown; acceptRate?: unknown };
  if (!o || !(o.samples instanceof tf.Tensor)) throw new TypeError('metropolisHastings must return { samples: tf.Tensor3D, acceptRate: number }');
  const s = o.samples as tf.Tensor;
  if (s.rank !== 3 || s.shape[0] !== steps) return { shape: s.shape, last: null, acceptRate: Number(o.acceptRate) };
  return { shape: s.shape, last: tf.tidy(() => tf.squeeze(tf.slice(s, [steps - 1, 0, 0], [1, -1, -1]), [0]).toFloat()), acceptRate: Number(o.acceptRate) };
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
      return summarise(out, steps);
    } finally {
      disposeOut(out);
    }
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
      return summarise(out, 1);
    } finally {
      disposeOut(out);
    }
  },
};
