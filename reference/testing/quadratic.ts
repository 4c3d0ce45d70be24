import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../grader/basics/rng.ts';

/**
 * A seeded, well-conditioned problem for optimizer trajectories: two parameter tensors
 * ([3,4] and [5]) and L(θ) = Σ ½·a⊙(θ − c)² + 0.1·mean(θ₀)·mean(θ₁), a ∈ [0.5, 2].
 * The coupling term makes the gradient of one tensor depend on the other.
 */
export function quadratic(seed: number) {
  const rng = new Rng(seed).fork('quadratic');
  const shapes = [[3, 4], [5]];
  const size = (s: number[]) => s.reduce((x, y) => x * y, 1);
  const a = shapes.map((s) => tf.tensor(rng.uniforms(size(s), 0.5, 2), s));
  const c = shapes.map((s) => tf.tensor(rng.normals(size(s)), s));
  const theta0 = shapes.map((s) => Array.from(rng.normals(size(s), 0, 2)));

  const loss = (...params: tf.Tensor[]): tf.Scalar => tf.tidy(() => {
    const fit = params.map((p, i) => p.sub(c[i]!).square().mul(a[i]!).sum().mul(0.5));
    return tf.addN(fit).add(params[0]!.mean().mul(params[1]!.mean()).mul(0.1)) as tf.Scalar;
  });
  return {
    shapes,
    /** Fresh copies of θ₀. */
    init: (): tf.Tensor[] => theta0.map((v, i) => tf.tensor(v, shapes[i])),
    loss,
    grads: (params: tf.Tensor[]): tf.Tensor[] => tf.grads(loss)(params),
    dispose: () => tf.dispose([...a, ...c]),
  };
}

/** Runs `steps` of a tf.train optimizer on tf.variables and returns θ after each step. */
export function tfTrajectory(opt: tf.Optimizer, q: ReturnType<typeof quadratic>, steps: number): Float32Array[][] {
  const vars = q.init().map((t) => {
    const v = tf.variable(t);
    t.dispose();
    return v;
  });
  const out: Float32Array[][] = [];
  for (let s = 0; s < steps; s++) {
    opt.minimize(() => q.loss(...vars), false, vars);
    out.push(vars.map((v) => Float32Array.from(v.dataSync())));
  }
  tf.dispose(vars);
  return out;
}

/** Runs `steps` of `step` (a reference optimizer closed over its own state) and returns θ after each step. */
export function refTrajectory(
  q: ReturnType<typeof quadratic>,
  steps: number,
  step: (params: tf.Tensor[], grads: tf.Tensor[]) => tf.Tensor[],
): Float32Array[][] {
  let params = q.init();
  const out: Float32Array[][] = [];
  for (let s = 0; s < steps; s++) {
    const grads = q.grads(params);
    const next = step(params, grads);
    tf.dispose([...params, ...grads]);
    params = next;
    out.push(params.map((p) => Float32Array.from(p.dataSync())));
  }
  tf.dispose(params);
  return out;
}

/** Worst |a − b| over all steps and tensors of two trajectories. */
export function trajectoryDiff(a: Float32Array[][], b: Float32Array[][]): number {
  let worst = 0;
  a.forEach((stepA, s) => stepA.forEach((ta, i) => ta.forEach((x, j) => {
    const d = Math.abs(x - b[s]![i]![j]!);
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  })));
  return worst;
}
