import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../basics/rng.ts';
import type { Live } from '../../sandbox/tensors.ts';
import { callPure } from '../../tasks/common.ts';
import type { Impl, TaskContext, TaskTable } from '../../tasks/types.ts';
import { reportProgress } from '../../tasks/progress.ts';

/**
 * Tasks of the normalizing-flow exercise. A coupling's net arrives as weights (see
 * grader/course/normalizing-flow/cases.ts) and is made a function here; the student's
 * couplingForward / couplingInverse / flowLogProb are called with it.
 */

type Net = (x: tf.Tensor2D) => { s: tf.Tensor2D; t: tf.Tensor2D };
interface Layer {
  mask: tf.Tensor;
  net: Net;
}
interface Params {
  hidden: { w: tf.Tensor; b: tf.Tensor }[];
  ws: tf.Tensor;
  bs: tf.Tensor;
  wt: tf.Tensor;
  bt: tf.Tensor;
  /** When set, s = sScale·tanh(raw / sScale): bounded, so training cannot blow exp(s) up. */
  sScale?: number;
}

/** The net as a function of [N, d] inputs; every call returns fresh s, t [N, d]. */
export function netOf(p: Params): Net {
  return (x) =>
    tf.tidy(() => {
      let h: tf.Tensor = x;
      for (const { w, b } of p.hidden) h = tf.tanh(tf.add(tf.matMul(h, w), b)); // [N, H]
      let s = tf.add(tf.matMul(h, p.ws), p.bs); // [N, d]
      if (p.sScale !== undefined) s = tf.mul(p.sScale, tf.tanh(tf.div(s, p.sScale)));
      const t = tf.add(tf.matMul(h, p.wt), p.bt); // [N, d]
      return { s: s as tf.Tensor2D, t: t as tf.Tensor2D };
    });
}

function layersOf(specs: Live): Layer[] {
  return (specs as unknown as { mask: tf.Tensor; net: Params }[]).map((l) => ({ mask: l.mask, net: netOf(l.net) }));
}

const shapeText = (s: readonly number[]) => `[${s.join(', ')}]`;

function describe(v: unknown): string {
  return v instanceof tf.Tensor ? `a tensor of shape ${shapeText(v.shape)}` : v === null || v === undefined ? String(v) : typeof v === 'object' ? 'an object' : typeof v;
}

function tensorOfShape(v: unknown, shape: number[], what: string): tf.Tensor {
  if (!(v instanceof tf.Tensor) || v.shape.join(',') !== shape.join(',')) throw new TypeError(`${what} must be a tensor of shape ${shapeText(shape)}, but is ${describe(v)}`);
  return v;
}

/** The student's couplingForward, its result checked: {y [N, d], logDet [N]}. */
function forward(impl: Impl, x: tf.Tensor2D, mask: tf.Tensor, net: Net): { y: tf.Tensor2D; logDet: tf.Tensor1D } {
  const out = callPure(impl.couplingForward, [x, mask, net as unknown as Live], 'couplingForward') as { y?: unknown; logDet?: unknown } | undefined;
  const [n, d] = x.shape;
  if (out === null || typeof out !== 'object') throw new TypeError(`couplingForward must return {y, logDet}, but returned ${describe(out)}`);
  return { y: tensorOfShape(out.y, [n, d], 'couplingForward(...).y') as tf.Tensor2D, logDet: tensorOfShape(out.logDet, [n], 'couplingForward(...).logDet') as tf.Tensor1D };
}

function inverse(impl: Impl, y: tf.Tensor2D, mask: tf.Tensor, net: Net): tf.Tensor2D {
  return tensorOfShape(callPure(impl.couplingInverse, [y, mask, net as unknown as Live], 'couplingInverse'), y.shape, 'couplingInverse(...)') as tf.Tensor2D;
}

function logProb(impl: Impl, x: tf.Tensor2D, layers: Layer[]): tf.Tensor1D {
  return tensorOfShape(callPure(impl.flowLogProb, [x, layers as unknown as Live], 'flowLogProb'), [x.shape[0]], 'flowLogProb(...)') as tf.Tensor1D;
}

/** z = the layers applied in order with the student's couplingForward (no log-determinants). */
function push(impl: Impl, x: tf.Tensor2D, layers: Layer[]): tf.Tensor2D {
  return tf.tidy(() => layers.reduce((z, l) => forward(impl, z, l.mask, l.net).y, x));
}

/**
 * x and, for each input dim j, x + h·e_j and x − h·e_j, stacked: [(2d + 1)·N, d]. The steps
 * are rounded to float32 here exactly as the judge rounds them (Math.fround), so the judge
 * knows the true step of every difference.
 */
function stencil(x: tf.Tensor2D, h: number): tf.Tensor2D {
  const [n, d] = x.shape;
  const base = x.dataSync();
  const out = new Float32Array((2 * d + 1) * n * d);
  out.set(base, 0);
  for (let j = 0; j < d; j++) {
    for (const [k, sign] of [[1 + 2 * j, 1], [2 + 2 * j, -1]] as const) {
      const block = out.subarray(k * n * d, (k + 1) * n * d);
      block.set(base);
      for (let i = 0; i < n; i++) block[i * d + j] = Math.fround(base[i * d + j]! + sign * h);
    }
  }
  return tf.tensor2d(out, [(2 * d + 1) * n, d]);
}

/** Named tensors under the arguments at the `wrt` paths ("0", "2" → "0", "2.hidden.0.w", …). */
function leavesAt(args: Live[], paths: string[]): [string, tf.Tensor][] {
  const out: [string, tf.Tensor][] = [];
  const walk = (v: unknown, name: string) => {
    if (v instanceof tf.Tensor) out.push([name, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${name}.${i}`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'mask') walk(x, `${name}.${k}`);
  };
  for (const p of paths) walk(p.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], args), p);
  return out;
}

/**
 * Gradients of Σ c·f w.r.t. the tensors at the check's `wrt` paths (masks excluded), c a
 * seeded cotangent per output. The nets are built from the very tensors differentiated.
 */
function gradients(args: Live[], ctx: TaskContext, f: () => tf.Tensor[]): Record<string, tf.Tensor> {
  const leaves = leavesAt(args, ctx.options.wrt ?? []);
  const rng = ctx.rng('cotangent');
  const grads = tf.grads(() => {
    const outs = f();
    const dot = outs.reduce<tf.Tensor>((acc, y) => tf.add(acc, tf.sum(tf.mul(y, tf.tensor(rng.normals(y.size), y.shape)))), tf.scalar(0));
    // 0·Σ leaf keeps every leaf on the tape: one the function ignores gets a zero gradient, not an error.
    const keep = leaves.reduce<tf.Tensor>((acc, [, x]) => tf.add(acc, tf.sum(x)), tf.scalar(0));
    return tf.add(dot, tf.mul(0, keep)) as tf.Scalar;
  })(leaves.map(([, x]) => x));
  return Object.fromEntries(leaves.map(([name], i) => [name, grads[i]!]));
}

/** Log-likelihood training of a RealNVP on 2-D points: the grader's nets and masks, the student's flowLogProb. */
export interface FlowBudget {
  layers: number;
  hidden: number;
  steps: number;
  batchSize: number;
  /** Adam's step size decays geometrically from lr to lrEnd over the steps (a quieter end point than a constant lr). */
  lr: number;
  lrEnd: number;
  sScale: number;
  /** Step of the numeric Jacobian of the trained flow. */
  h: number;
}

export function flowBudget(b: Record<string, unknown> | undefined): FlowBudget {
  const out = { layers: Number(b?.layers), hidden: Number(b?.hidden), steps: Number(b?.steps), batchSize: Number(b?.batchSize), lr: Number(b?.lr), lrEnd: Number(b?.lrEnd ?? b?.lr), sScale: Number(b?.sScale ?? 2), h: Number(b?.h ?? 2e-3) };
  if (!Object.values(out).every((v) => v > 0 && Number.isFinite(v))) throw new Error('grader: the two-moons check needs budget {layers, hidden, steps, batchSize, lr}');
  return out;
}

/** Glorot-uniform hidden layers, zero output layers (each coupling starts as the identity). */
function trainableFlow(rng: Rng, budget: FlowBudget): { layers: Layer[]; vars: tf.Variable[] } {
  const vars: tf.Variable[] = [];
  const v = (shape: number[], values: Float32Array) => {
    const init = tf.tensor(values, shape);
    const x = tf.variable(init);
    init.dispose();
    vars.push(x);
    return x;
  };
  const glorot = (r: Rng, fanIn: number, fanOut: number) => {
    const lim = Math.sqrt(6 / (fanIn + fanOut));
    return v([fanIn, fanOut], r.uniforms(fanIn * fanOut, -lim, lim));
  };
  const d = 2;
  const H = budget.hidden;
  const layers: Layer[] = [];
  for (let l = 0; l < budget.layers; l++) {
    const r = rng.fork(`layer${l}`);
    const p: Params = {
      hidden: [
        { w: glorot(r.fork('w1'), d, H), b: v([H], new Float32Array(H)) },
        { w: glorot(r.fork('w2'), H, H), b: v([H], new Float32Array(H)) },
      ],
      ws: v([H, d], new Float32Array(H * d)),
      bs: v([d], new Float32Array(d)),
      wt: v([H, d], new Float32Array(H * d)),
      bt: v([d], new Float32Array(d)),
      sScale: budget.sScale,
    };
    const mask = tf.tensor1d(l % 2 === 0 ? [1, 0] : [0, 1]);
    layers.push({ mask, net: netOf(p) });
  }
  return { layers, vars };
}

export function trainMoons(impl: Impl, train: tf.Tensor2D, test: tf.Tensor2D, budget: FlowBudget, seed: number) {
  const rng = new Rng(`normalizing-flow/${seed}`);
  const batches = rng.fork('batches');
  const { layers, vars } = trainableFlow(rng.fork('init'), budget);
  const opt = tf.train.adam(budget.lr);
  const lossLog: number[] = [];
  try {
    const m = train.shape[0];
    for (let step = 0; step < budget.steps; step++) {
      const idx = tf.tensor1d(batches.ints(budget.batchSize, 0, m), 'int32');
      const xb = tf.gather(train, idx) as tf.Tensor2D;
      const log = step % 100 === 0 || step === budget.steps - 1;
      // Adam reads its (protected) learningRate afresh on every step.
      (opt as unknown as { learningRate: number }).learningRate = budget.lr * (budget.lrEnd / budget.lr) ** (step / Math.max(1, budget.steps - 1));
      const loss = opt.minimize(() => tf.neg(tf.mean(logProb(impl, xb, layers))) as tf.Scalar, log, vars);
      if (loss) {
        lossLog.push(loss.dataSync()[0]!);
        loss.dispose();
      }
      tf.dispose([idx, xb]);
      reportProgress(step + 1, budget.steps, 'step', lossLog.length > 0 ? `NLL ${lossLog[lossLog.length - 1]!.toFixed(3)}` : undefined);
    }
    // The judge scores the trained flow by its change of variables, from z on a stencil around
    // each held-out point: it trusts the student's forward maps, not their log-determinants.
    return tf.tidy(() => {
      const n = test.shape[0];
      const z = push(impl, stencil(test, budget.h), layers);
      return { z: tf.reshape(z, [5, n, 2]), ownLogProb: logProb(impl, test, layers), loss: tf.tensor1d(lossLog), lossEvery: 100, ...densityGrid(impl, test, layers, budget.h) };
    });
  } finally {
    opt.dispose();
    tf.dispose(vars);
    tf.dispose(layers.map((l) => l.mask));
  }
}

/** The density picture's grid: points per axis. */
const GRID = { nx: 48, ny: 36 };

/**
 * For the density picture only (no verdict reads it): a grid over the held-out points' box
 * (padded by 0.5), [ny·nx, 2] row-major with row 0 at the lowest y, and the trained maps on
 * its stencil, [5, ny·nx, 2], so the judge measures the density by the change of variables
 * exactly as it measures the NLL.
 */
function densityGrid(impl: Impl, test: tf.Tensor2D, layers: Layer[], h: number): { grid: tf.Tensor2D; gridZ: tf.Tensor; gridSize: number[] } {
  const lo = tf.min(test, 0).dataSync();
  const hi = tf.max(test, 0).dataSync();
  const pts = new Float32Array(GRID.nx * GRID.ny * 2);
  for (let gy = 0; gy < GRID.ny; gy++) {
    for (let gx = 0; gx < GRID.nx; gx++) {
      const k = gy * GRID.nx + gx;
      pts[2 * k] = lo[0]! - 0.5 + ((gx + 0.5) * (hi[0]! - lo[0]! + 1)) / GRID.nx;
      pts[2 * k + 1] = lo[1]! - 0.5 + ((gy + 0.5) * (hi[1]! - lo[1]! + 1)) / GRID.ny;
    }
  }
  const grid = tf.tensor2d(pts, [GRID.nx * GRID.ny, 2]);
  return { grid, gridZ: tf.reshape(push(impl, stencil(grid, h), layers), [5, GRID.nx * GRID.ny, 2]), gridSize: [GRID.nx, GRID.ny] };
}

export const tasks: TaskTable = {
  /** couplingForward(x, mask, net): args [x, mask, net params]; returns {y, logDet}. */
  forward(impl, args) {
    const [x, mask, p] = args as [tf.Tensor2D, tf.Tensor, unknown];
    return forward(impl, x, mask, netOf(p as Params));
  },
  /** couplingInverse(y, mask, net): args [y, mask, net params]. */
  inverse(impl, args) {
    const [y, mask, p] = args as [tf.Tensor2D, tf.Tensor, unknown];
    return inverse(impl, y, mask, netOf(p as Params));
  },
  /** flowLogProb(x, layers): args [x, [{mask, net params}]]. */
  logProb(impl, args) {
    return logProb(impl, args[0] as tf.Tensor2D, layersOf(args[1]!));
  },
  /** Gradients of Σ c₁·y + Σ c₂·logDet w.r.t. x and the net's weights. */
  forwardGradient(impl, args, ctx) {
    const [x, mask, p] = args as [tf.Tensor2D, tf.Tensor, unknown];
    const net = netOf(p as Params);
    return gradients(args, ctx, () => {
      const { y, logDet } = forward(impl, x, mask, net);
      return [y, logDet];
    });
  },
  /** Gradients of Σ c·log p(x) w.r.t. x and every layer's weights. */
  logProbGradient(impl, args, ctx) {
    const layers = layersOf(args[1]!);
    return gradients(args, ctx, () => [logProb(impl, args[0] as tf.Tensor2D, layers)]);
  },
  /**
   * For the judge: y and logDet on x, couplingInverse(y), and y on the stencil around x
   * ([2d + 1, N, d], row 0 at x). args [x, mask, net params, h].
   */
  couplingJacobian(impl, args) {
    const [x, mask, p, h] = args as [tf.Tensor2D, tf.Tensor, unknown, number];
    const [n, d] = x.shape;
    const net = netOf(p as Params);
    const { y, logDet } = forward(impl, x, mask, net);
    const xBack = inverse(impl, y, mask, net);
    const around = tf.tidy(() => tf.reshape(forward(impl, stencil(x, h), mask, net).y, [2 * d + 1, n, d]));
    return { y, logDet, xBack, around };
  },
  /** For the judge: flowLogProb(x) and z (the layers by couplingForward) on the stencil. args [x, layers, h]. */
  flowJacobian(impl, args) {
    const [x, specs, h] = args as [tf.Tensor2D, Live, number];
    const [n, d] = x.shape;
    const layers = layersOf(specs);
    const lp = logProb(impl, x, layers);
    const around = tf.tidy(() => tf.reshape(push(impl, stencil(x, h), layers), [2 * d + 1, n, d]));
    return { logProb: lp, around };
  },
  /** Trains a RealNVP on the training moons with the student's flowLogProb; z around the held-out ones. */
  trainMoons(impl, args, ctx) {
    const [train, test] = args as [tf.Tensor2D, tf.Tensor2D];
    return trainMoons(impl, train, test, flowBudget(ctx.options.budget), ctx.options.seed);
  },
};
