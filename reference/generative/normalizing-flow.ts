import * as tf from '@tensorflow/tfjs';
import { checkRank, checkTensor } from '../check.ts';

/**
 * RealNVP affine coupling (notes 2.1.2; Dinh, Sohl-Dickstein & Bengio 2017), written in the
 * data → base direction: a layer maps x to y, the flow maps data x to z ~ N(0, I), and
 * log p(x) = log N(z; 0, I) + Σ_layers log|det ∂y/∂x|.
 *
 * The mask m ∈ {0, 1}^d picks the conditioning half, which passes through unchanged; the
 * other half is scaled and shifted by functions of the conditioning half only:
 *   (s, t) = net(m·x),   y = m·x + (1 − m)·(x·exp(s) + t).
 * ∂y/∂x is triangular (after permuting the dims so the conditioning ones come first) with
 * diagonal 1 on the conditioning dims and exp(s) on the others, so
 *   log|det ∂y/∂x| = Σ_j (1 − m_j)·s_j   (per example).
 */

/** The coupling's conditioner: [N, d] masked inputs → s, t of shape [N, d]. */
export type CouplingNet = (x: tf.Tensor2D) => { s: tf.Tensor; t: tf.Tensor };
export interface CouplingLayer {
  mask: tf.Tensor;
  net: CouplingNet;
}

function checkCoupling(who: string, x: unknown, mask: unknown, net: unknown): asserts x is tf.Tensor2D {
  checkRank(who, 'x', x, 2);
  checkTensor(who, 'mask', mask);
  const d = x.shape[1];
  const m = mask as tf.Tensor;
  if (m.size !== d || !(m.rank === 1 || (m.rank === 2 && m.shape[0] === 1))) {
    throw new Error(`${who}: mask must be [d] or [1, d] with d = ${d} (the width of x), but got [${m.shape.join(',')}]`);
  }
  if (typeof net !== 'function') throw new Error(`${who}: net must be a function (x) => {s, t}, but got ${typeof net}`);
}

/** (s, t) = net(m·x), both checked to be [N, d]. */
function scaleShift(who: string, net: CouplingNet, conditioning: tf.Tensor2D): { s: tf.Tensor; t: tf.Tensor } {
  const out = net(conditioning);
  for (const k of ['s', 't'] as const) {
    const v = out?.[k];
    checkTensor(who, `net(x).${k}`, v);
    if (v.shape.join(',') !== conditioning.shape.join(',')) throw new Error(`${who}: net(x).${k} must be [${conditioning.shape.join(',')}], but got [${v.shape.join(',')}]`);
  }
  return out;
}

/** y = m·x + (1 − m)·(x·exp(s) + t) with (s, t) = net(m·x); logDet [N] = Σ (1 − m)·s. */
export function couplingForward(x: tf.Tensor2D, mask: tf.Tensor, net: CouplingNet): { y: tf.Tensor2D; logDet: tf.Tensor1D } {
  checkCoupling('couplingForward', x, mask, net);
  return tf.tidy(() => {
    const m = tf.reshape(mask.toFloat(), [1, -1]); // [1, d]
    const free = tf.sub(1, m); // [1, d]: the transformed dims
    const xm = tf.mul(x, m) as tf.Tensor2D; // [N, d]
    const { s, t } = scaleShift('couplingForward', net, xm);
    const y = tf.add(xm, tf.mul(free, tf.add(tf.mul(x, tf.exp(s)), t))) as tf.Tensor2D;
    const logDet = tf.sum(tf.mul(free, s), 1) as tf.Tensor1D; // [N]
    return { y, logDet };
  });
}

/** The inverse: m·y = m·x, so (s, t) = net(m·y) and x = m·y + (1 − m)·(y − t)·exp(−s). */
export function couplingInverse(y: tf.Tensor2D, mask: tf.Tensor, net: CouplingNet): tf.Tensor2D {
  checkCoupling('couplingInverse', y, mask, net);
  return tf.tidy(() => {
    const m = tf.reshape(mask.toFloat(), [1, -1]);
    const ym = tf.mul(y, m) as tf.Tensor2D;
    const { s, t } = scaleShift('couplingInverse', net, ym);
    return tf.add(ym, tf.mul(tf.sub(1, m), tf.mul(tf.sub(y, t), tf.exp(tf.neg(s))))) as tf.Tensor2D;
  });
}

export const LOG_2PI = Math.log(2 * Math.PI);

/** log N(z; 0, I) per row of z [N, d]: −½|z|² − (d/2)·log 2π. */
export function standardNormalLogProb(z: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.sub(tf.mul(-0.5, tf.sum(tf.square(z), 1)), 0.5 * z.shape[1] * LOG_2PI) as tf.Tensor1D);
}

/** log p(x) [N] = log N(z; 0, I) + Σ logDet, z the layers applied to x in order (layers[0] first). */
export function flowLogProb(x: tf.Tensor2D, layers: CouplingLayer[]): tf.Tensor1D {
  checkRank('flowLogProb', 'x', x, 2);
  if (!Array.isArray(layers)) throw new Error(`flowLogProb: layers must be an array of {mask, net}, but got ${typeof layers}`);
  return tf.tidy(() => {
    let z = x;
    let logDet = tf.zeros([x.shape[0]]) as tf.Tensor1D;
    for (const { mask, net } of layers) {
      const out = couplingForward(z, mask, net);
      z = out.y;
      logDet = tf.add(logDet, out.logDet);
    }
    return tf.add(standardNormalLogProb(z), logDet) as tf.Tensor1D;
  });
}
