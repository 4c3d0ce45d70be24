import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/** A coupling's conditioner: it takes the masked input mask·x [N, d] and returns s and t, both [N, d]. */
export type CouplingNet = (x: tf.Tensor2D) => { s: tf.Tensor; t: tf.Tensor };

/**
 * One RealNVP affine coupling layer (notes 2.1.2), data → base direction. `mask` ([d], 0/1)
 * marks the conditioning dims, which pass through unchanged:
 *   (s, t) = net(mask·x),   y = mask·x + (1 − mask)·(x·exp(s) + t),
 *   logDet = Σ_j (1 − mask_j)·s_j   per example (the log|det ∂y/∂x|).
 *
 * @param x    [N, d]
 * @param mask [d] of 0s and 1s
 * @param net  (mask·x) => {s, t}; call it once, on the masked input only
 * @returns y [N, d] and logDet [N]
 */
export function couplingForward(x: tf.Tensor2D, mask: tf.Tensor, net: CouplingNet): { y: tf.Tensor2D; logDet: tf.Tensor1D } {
  throw new NotImplemented('couplingForward');
}

/**
 * The inverse of couplingForward with the same mask and net: returns x [N, d] from y [N, d].
 */
export function couplingInverse(y: tf.Tensor2D, mask: tf.Tensor, net: CouplingNet): tf.Tensor2D {
  throw new NotImplemented('couplingInverse');
}

/**
 * log p(x) under the flow: z = the layers applied to x in order (layers[0] first, each with
 * couplingForward), log p(x) = log N(z; 0, I) + Σ_layers logDet.
 *
 * @param x      [N, d]
 * @param layers the coupling layers, data side first
 * @returns [N]
 */
export function flowLogProb(x: tf.Tensor2D, layers: { mask: tf.Tensor; net: CouplingNet }[]): tf.Tensor1D {
  throw new NotImplemented('flowLogProb');
}
