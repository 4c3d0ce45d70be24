// Overwrites the accepted count every step instead of adding to it: acceptRate counts the last step only
// (right when steps = 1, as in the one-step check; about rate/steps otherwise).
import * as tf from '@tensorflow/tfjs';

export interface Proposal {
  /** x' ~ q(· | x) for every chain: [chains, d] → [chains, d]. */
  sample(x: tf.Tensor2D, seed: number): tf.Tensor2D;
  /** log q(to | from) per chain: [chains]. */
  logProb(to: tf.Tensor2D, from: tf.Tensor2D): tf.Tensor1D;
}

/** A seed for the i-th random draw of a call, spread out so that nearby seeds do not share draws. */
function subSeed(seed: number, i: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f);
  return 1 + ((h ^ (h >>> 16)) >>> 0) % 0x7ffffffe;
}

/**
 * Metropolis–Hastings (notes 2.1.1, 1.3.2) for many chains at once. Each step proposes
 * x' ~ q(·|x) and accepts with probability
 *   A = min(1, p(x')·q(x | x') / (p(x)·q(x' | x))),
 * compared in logs: accept when log u < log p(x') − log p(x) + log q(x|x') − log q(x'|x).
 * On rejection the chain stays at x and records x again. samples[t] is the state after step t.
 */
export function metropolisHastings(
  logP: (x: tf.Tensor2D) => tf.Tensor1D,
  proposal: Proposal,
  x0: tf.Tensor2D,
  steps: number,
  seed: number,
): { samples: tf.Tensor3D; acceptRate: number } {
  const [chains] = x0.shape;
  let x: tf.Tensor2D = x0; // the caller's until the first step
  let logPx = tf.tidy(() => logP(x));
  let accepted: tf.Tensor = tf.scalar(0);
  const samples: tf.Tensor2D[] = [];
  try {
    for (let t = 0; t < steps; t++) {
      const next = tf.tidy(() => {
        const y = proposal.sample(x, subSeed(seed, 2 * t));
        const logPy = logP(y);
        const logA = tf.add(tf.sub(logPy, logPx), tf.sub(proposal.logProb(x, y), proposal.logProb(y, x))); // [chains]
        const u = tf.randomUniform([chains], 0, 1, 'float32', subSeed(seed, 2 * t + 1));
        const accept = tf.less(tf.log(u), logA); // [chains]
        const acceptRows = tf.broadcastTo(tf.expandDims(accept, 1), x.shape);
        return { x: tf.where(acceptRows, y, x) as tf.Tensor2D, logPx: tf.where(accept, logPy, logPx) as tf.Tensor1D, accepted: tf.sum(tf.cast(accept, 'float32')) };
      });
      tf.dispose([logPx, accepted]);
      samples.push(next.x);
      x = next.x;
      logPx = next.logPx;
      accepted = next.accepted;
    }
    const acceptRate = accepted.dataSync()[0]! / (steps * chains);
    return { samples: tf.stack(samples) as tf.Tensor3D, acceptRate };
  } finally {
    tf.dispose([...samples, logPx, accepted]);
  }
}
