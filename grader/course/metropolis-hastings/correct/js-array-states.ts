// Correct, with the states as JS arrays in one tf.tidy: updated chain by chain from arraySync, samples built with tf.tensor3d
import * as tf from '@tensorflow/tfjs';

// Whole body in one tf.tidy; states kept as JS arrays and the result built with tf.tensor3d.
export function metropolisHastings(
  logP: (x: tf.Tensor2D) => tf.Tensor1D,
  proposal: { sample(x: tf.Tensor2D, seed: number): tf.Tensor2D; logProb(to: tf.Tensor2D, from: tf.Tensor2D): tf.Tensor1D },
  x0: tf.Tensor2D,
  steps: number,
  seed: number,
): { samples: tf.Tensor3D; acceptRate: number } {
  return tf.tidy(() => {
    const [chains, d] = x0.shape;
    let cur = x0.arraySync();
    const out: number[][][] = [];
    let acc = 0;
    for (let t = 0; t < steps; t++) {
      const xt = tf.tensor2d(cur, [chains, d]);
      const prop = proposal.sample(xt, seed * 2 * steps + 2 * t + 1);
      const logR = tf.addN([logP(prop), logP(xt).neg(), proposal.logProb(xt, prop), proposal.logProb(prop, xt).neg()]).dataSync();
      const u = tf.randomUniform([chains], 0, 1, 'float32', seed * 2 * steps + 2 * t + 2).dataSync();
      const p = prop.arraySync();
      cur = cur.map((row, c) => {
        if (Math.log(u[c]) < logR[c]) { acc++; return p[c]; }
        return row;
      });
      out.push(cur);
    }
    return { samples: tf.tensor3d(out.length ? out : [], [steps, chains, d]), acceptRate: acc / (steps * chains) };
  });
}
