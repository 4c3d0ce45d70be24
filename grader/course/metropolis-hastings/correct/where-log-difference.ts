// Correct, accepting when log r − log u > 0 with tf.where: one tf.tidy per step returning the state and the accepted count, samples stacked at the end
import * as tf from '@tensorflow/tfjs';

type Proposal = { sample(x: tf.Tensor2D, seed: number): tf.Tensor2D; logProb(to: tf.Tensor2D, from: tf.Tensor2D): tf.Tensor1D };

export function metropolisHastings(
  logP: (x: tf.Tensor2D) => tf.Tensor1D,
  proposal: Proposal,
  x0: tf.Tensor2D,
  steps: number,
  seed: number,
): { samples: tf.Tensor3D; acceptRate: number } {
  const [chains] = x0.shape;
  const kept: tf.Tensor2D[] = [];
  let x: tf.Tensor2D = x0;
  let accepted = 0;
  for (let t = 0; t < steps; t++) {
    const base = seed * 1000003 + 2 * t;
    const [next, nAcc] = tf.tidy(() => {
      const xNew = proposal.sample(x, base);
      const logR = logP(xNew).sub(logP(x)).add(proposal.logProb(x, xNew)).sub(proposal.logProb(xNew, x));
      const logU = tf.log(tf.randomUniform([chains], 0, 1, 'float32', base + 1));
      const acc = tf.greater(logR.sub(logU), 0); // log u < log r
      const moved = tf.where(acc.expandDims(1), xNew, x) as tf.Tensor2D;
      return [moved, acc.cast('float32').sum()] as [tf.Tensor2D, tf.Scalar];
    });
    accepted += nAcc.dataSync()[0];
    nAcc.dispose();
    kept.push(next);
    x = next;
  }
  const samples = steps === 0 ? tf.zeros([0, chains, x0.shape[1]]) as tf.Tensor3D : tf.stack(kept) as tf.Tensor3D;
  kept.forEach((k) => k.dispose());
  return { samples, acceptRate: steps === 0 ? 0 : accepted / (steps * chains) };
}
