import * as tf from '@tensorflow/tfjs';
import type { TaskTable } from '../../tasks/types.ts';
import { reportProgress } from '../../tasks/progress.ts';

/** Snapshots of the parameters over the training, for the learning-curve picture. */
export const CURVE_POINTS = 30;

/** Rows of the CD check's batch that cdGradient also gets alone (B = 1), one call each. */
export const SINGLE_ROWS = 8;

function tensorOut(x: unknown, who: string): tf.Tensor {
  if (!(x instanceof tf.Tensor)) throw new TypeError(`${who} must return a tf.Tensor`);
  return x;
}

export const tasks: TaskTable = {
  /** Block Gibbs with the student's hiddenProbs, visibleProbs and sampleBernoulli; the final (v, h) of each chain. */
  blockGibbs(impl, args, ctx) {
    const [v0, w, b, c, steps] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, number];
    const seeds = ctx.rng('gibbs-seeds');
    let v: tf.Tensor = v0.clone();
    let h: tf.Tensor | null = null;
    for (let s = 0; s < steps; s++) {
      const ph = tensorOut(impl.hiddenProbs(v, w, c), 'hiddenProbs');
      const hNew = tensorOut(impl.sampleBernoulli(ph, seeds.seed32()), 'sampleBernoulli');
      const pv = tensorOut(impl.visibleProbs(hNew, w, b), 'visibleProbs');
      const vNew = tensorOut(impl.sampleBernoulli(pv, seeds.seed32()), 'sampleBernoulli');
      tf.dispose([ph, pv, v, ...(h ? [h] : [])]);
      v = vNew;
      h = hNew;
    }
    return { v, h };
  },
  /**
   * cdGradient(v0, w, b, c, k, seed) on the batch; and `single`: the first SINGLE_ROWS rows
   * each alone (B = 1) with a seed of its own, where the reconstruction v_k = v₀ − db is known,
   * so the judge can recompute dW and dc from hidden probabilities exactly.
   */
  cd(impl, args, ctx) {
    const [v0, w, b, c, k, seed] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, number, number];
    const out = impl.cdGradient(v0, w, b, c, k, seed) as Record<string, unknown>;
    const seeds = ctx.rng('single-row-seeds');
    const single = Array.from({ length: Math.min(SINGLE_ROWS, v0.shape[0]) }, (_, r) => {
      const row = tf.slice(v0, [r, 0], [1, -1]);
      try {
        return impl.cdGradient(row, w, b, c, k, seeds.seed32()) as Record<string, unknown>;
      } finally {
        row.dispose();
      }
    });
    return { ...out, single };
  },
  /**
   * Full-batch gradient ascent with the student's cdGradient: θ ← θ + lr·∇; the trained
   * parameters, and (`curve`, for the picture only) the parameters after every
   * steps/CURVE_POINTS steps: {steps [K], w [K, nv, nh], b [K, nv], c [K, nh]}.
   */
  train(impl, args, ctx) {
    const [data, w0, b0, c0, steps, lr, k] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.Tensor1D, number, number, number];
    const seeds = ctx.rng('cd-seeds');
    let [w, b, c] = [w0.clone(), b0.clone(), c0.clone()];
    const every = Math.max(1, Math.round(steps / CURVE_POINTS));
    const at: number[] = [];
    const kept: tf.Tensor[][] = [[], [], []];
    try {
      for (let s = 0; s < steps; s++) {
        const g = impl.cdGradient(data, w, b, c, k, seeds.seed32()) as { dW: tf.Tensor; db: tf.Tensor; dc: tf.Tensor };
        if (!g || !(g.dW instanceof tf.Tensor) || !(g.db instanceof tf.Tensor) || !(g.dc instanceof tf.Tensor)) throw new TypeError('cdGradient must return { dW, db, dc } tensors');
        const next = tf.tidy(() => [tf.add(w, tf.mul(lr, g.dW)), tf.add(b, tf.mul(lr, g.db)), tf.add(c, tf.mul(lr, g.dc))]);
        tf.dispose([w, b, c, g.dW, g.db, g.dc]);
        [w, b, c] = next as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D];
        if ((s + 1) % every === 0 || s + 1 === steps) {
          at.push(s + 1);
          [w, b, c].forEach((t, i) => kept[i]!.push(t.clone()));
        }
        reportProgress(s + 1, steps, 'step');
      }
      const curve = at.length > 0 ? { steps: at, w: tf.stack(kept[0]!), b: tf.stack(kept[1]!), c: tf.stack(kept[2]!) } : undefined;
      return curve ? { w, b, c, curve } : { w, b, c };
    } finally {
      tf.dispose(kept.flat());
    }
  },
};
