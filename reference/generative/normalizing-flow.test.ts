import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff } from '../testing/oracle.ts';
import { couplingForward, couplingInverse, flowLogProb, type CouplingNet } from './normalizing-flow.ts';
import { variants } from './normalizing-flow.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

/** A one-hidden-layer tanh net with plain-number weights, usable both in tfjs and in float64 JS. */
interface Weights {
  w1: number[][]; // [d][H]
  b1: number[];
  ws: number[][]; // [H][d]
  bs: number[];
  wt: number[][];
  bt: number[];
}

function randomWeights(rng: Rng, d: number, h: number, sStd = 0.6): Weights {
  const mat = (r: number, c: number, std: number) => Array.from({ length: r }, () => Array.from(rng.normals(c, 0, std)));
  return { w1: mat(d, h, 1 / Math.sqrt(d)), b1: Array.from(rng.normals(h, 0, 0.3)), ws: mat(h, d, sStd / Math.sqrt(h)), bs: Array.from(rng.normals(d, 0, 0.3)), wt: mat(h, d, 1 / Math.sqrt(h)), bt: Array.from(rng.normals(d, 0, 0.5)) };
}

function tfNet(w: Weights): CouplingNet {
  return (x) =>
    tf.tidy(() => {
      const h = tf.tanh(tf.add(tf.matMul(x, tf.tensor2d(w.w1)), tf.tensor1d(w.b1)));
      return { s: tf.add(tf.matMul(h, tf.tensor2d(w.ws)), tf.tensor1d(w.bs)), t: tf.add(tf.matMul(h, tf.tensor2d(w.wt)), tf.tensor1d(w.bt)) };
    });
}

/** The same coupling in float64 on one example, straight from the definition y = m·x + (1 − m)·(x·e^s + t), (s, t) = net(m·x). */
function couplingF64(x: number[], mask: number[], w: Weights): number[] {
  const d = x.length;
  const xm = x.map((v, j) => v * mask[j]!);
  const h = w.b1.map((b, k) => Math.tanh(b + xm.reduce((acc, v, j) => acc + v * w.w1[j]![k]!, 0)));
  const lin = (W: number[][], b: number[], j: number) => b[j]! + h.reduce((acc, v, k) => acc + v * W[k]![j]!, 0);
  return Array.from({ length: d }, (_, j) => (mask[j] ? x[j]! : x[j]! * Math.exp(lin(w.ws, w.bs, j)) + lin(w.wt, w.bt, j)));
}

/** det of a 3×3 matrix by the rule of Sarrus. */
const det3 = (a: number[][]) =>
  a[0]![0]! * a[1]![1]! * a[2]![2]! + a[0]![1]! * a[1]![2]! * a[2]![0]! + a[0]![2]! * a[1]![0]! * a[2]![1]! - a[0]![2]! * a[1]![1]! * a[2]![0]! - a[0]![0]! * a[1]![2]! * a[2]![1]! - a[0]![1]! * a[1]![0]! * a[2]![2]!;

const LOG_2PI = Math.log(2 * Math.PI);
const logNormal1d = (x: number, mu: number, sigma: number) => -0.5 * ((x - mu) / sigma) ** 2 - Math.log(sigma) - 0.5 * LOG_2PI;

describe('couplingForward', () => {
  it('with a constant net (s, t fixed) is the affine map y_b = x_b·e^s + t on the transformed dims, logDet = Σ s over them', async () => {
    const x = [[1, 2, -1], [-0.5, 3, 0.25]];
    const s = [0.3, -0.7, 1.2];
    const t = [1, 2, -0.5];
    const net: CouplingNet = (xm) => ({ s: tf.tile(tf.tensor2d([s]), [xm.shape[0], 1]), t: tf.tile(tf.tensor2d([t]), [xm.shape[0], 1]) });
    const mask = [1, 0, 0]; // dim 0 conditions, dims 1 and 2 are transformed
    const want = x.map((r) => [r[0]!, r[1]! * Math.exp(-0.7) + 2, r[2]! * Math.exp(1.2) - 0.5]);
    await expectNoLeak(() =>
      tf.tidy(() => {
        const { y, logDet } = couplingForward(tf.tensor2d(x), tf.tensor1d(mask), net);
        expect(maxAbsDiff(y, want.flat())).toBeLessThan(1e-5);
        expect(maxAbsDiff(logDet, [-0.7 + 1.2, -0.7 + 1.2])).toBeLessThan(1e-6);
      }),
    );
  });

  it('logDet equals log|det ∂y/∂x| of the map, ∂y/∂x by central differences in float64 (d = 3, random net, each mask)', () => {
    const rng = new Rng('nf-jacobian');
    for (const mask of [[1, 0, 0], [0, 1, 1], [1, 0, 1], [0, 0, 0]]) {
      const w = randomWeights(rng.fork(mask.join('')), 3, 6);
      const xs = Array.from({ length: 4 }, () => Array.from(rng.normals(3)));
      const h = 1e-5;
      const want = xs.map((x) => {
        const J = [0, 1, 2].map(() => [0, 0, 0]);
        for (let j = 0; j < 3; j++) {
          const up = couplingF64(x.map((v, k) => (k === j ? v + h : v)), mask, w);
          const dn = couplingF64(x.map((v, k) => (k === j ? v - h : v)), mask, w);
          for (let a = 0; a < 3; a++) J[a]![j] = (up[a]! - dn[a]!) / (2 * h);
        }
        return Math.log(Math.abs(det3(J)));
      });
      tf.tidy(() => {
        const { y, logDet } = couplingForward(tf.tensor2d(xs), tf.tensor1d(mask), tfNet(w));
        expect(maxAbsDiff(logDet, want), `mask ${mask}`).toBeLessThan(1e-5);
        expect(maxAbsDiff(y, xs.flatMap((x) => couplingF64(x, mask, w))), `mask ${mask}`).toBeLessThan(1e-5);
      });
    }
  });
});

describe('couplingInverse', () => {
  it('undoes couplingForward and vice versa (d = 4, checkerboard and half masks, e^s up to ~e^3)', async () => {
    const rng = new Rng('nf-inverse');
    for (const mask of [[1, 0, 1, 0], [0, 0, 1, 1]]) {
      const net = tfNet(randomWeights(rng.fork(mask.join('')), 4, 8, 2));
      await expectNoLeak(() =>
        tf.tidy(() => {
          const x = tf.tensor2d(rng.normals(40, 0, 2), [10, 4]);
          const m = tf.tensor1d(mask);
          expect(maxAbsDiff(couplingInverse(couplingForward(x, m, net).y, m, net), x)).toBeLessThan(1e-4);
          expect(maxAbsDiff(couplingForward(couplingInverse(x, m, net), m, net).y, x)).toBeLessThan(1e-4);
        }),
      );
    }
  });
});

describe('flowLogProb', () => {
  it('with zero nets (every layer the identity) is the standard normal log density −½|x|² − (d/2)·log 2π', () => {
    const zero: CouplingNet = (xm) => ({ s: tf.zerosLike(xm), t: tf.zerosLike(xm) });
    const xs = [[0, 0, 0], [1, -2, 0.5], [3, 0.1, -1]];
    const want = xs.map((x) => x.reduce((acc, v) => acc + logNormal1d(v, 0, 1), 0));
    tf.tidy(() => {
      const layers = [{ mask: tf.tensor1d([1, 0, 0]), net: zero }, { mask: tf.tensor1d([0, 1, 1]), net: zero }];
      expect(maxAbsDiff(flowLogProb(tf.tensor2d(xs), layers), want)).toBeLessThan(1e-5);
      expect(maxAbsDiff(flowLogProb(tf.tensor2d(xs), []), want)).toBeLessThan(1e-5);
    });
  });

  it('one constant layer is a Gaussian: x_b ~ N(−t·e^{−s}, e^{−2s}) on the transformed dim, x_a ~ N(0, 1)', () => {
    const s = 0.8;
    const t = -1.5;
    const net: CouplingNet = (xm) => ({ s: tf.fill(xm.shape, s), t: tf.fill(xm.shape, t) });
    const xs = [[0.3, -1], [-2, 0.4], [1, 1]];
    const want = xs.map(([a, b]) => logNormal1d(a!, 0, 1) + logNormal1d(b!, -t * Math.exp(-s), Math.exp(-s)));
    tf.tidy(() => {
      expect(maxAbsDiff(flowLogProb(tf.tensor2d(xs), [{ mask: tf.tensor1d([1, 0]), net }]), want)).toBeLessThan(1e-5);
    });
  });

  it('is a density: exp(flowLogProb) over a 2-D grid sums to 1 (three random layers, Riemann sum on [−12, 12]², step 0.04)', () => {
    const rng = new Rng('nf-mass');
    const layers = [[1, 0], [0, 1], [1, 0]].map((m, i) => ({ mask: tf.tensor1d(m), net: tfNet(randomWeights(rng.fork(`l${i}`), 2, 8, 0.8)) }));
    const step = 0.04;
    const n = Math.round(24 / step) + 1;
    const grid = new Float32Array(2 * n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) grid.set([-12 + i * step, -12 + j * step], 2 * (i * n + j));
    const mass = tf.tidy(() => tf.sum(tf.exp(flowLogProb(tf.tensor2d(grid, [n * n, 2]), layers))).dataSync()[0]! * step * step);
    tf.dispose(layers.map((l) => l.mask));
    expect(Math.abs(mass - 1)).toBeLessThan(2e-3);
  });

  it('applies the layers in order: two non-commuting layers give a different value when swapped', () => {
    const rng = new Rng('nf-order');
    tf.tidy(() => {
      const a = { mask: tf.tensor1d([1, 0]), net: tfNet(randomWeights(rng.fork('a'), 2, 6)) };
      const b = { mask: tf.tensor1d([0, 1]), net: tfNet(randomWeights(rng.fork('b'), 2, 6)) };
      const x = tf.tensor2d(rng.normals(10), [5, 2]);
      // By hand: z = b(a(x)), log p = log N(z) + logDet_a + logDet_b.
      const ya = couplingForward(x, a.mask, a.net);
      const yb = couplingForward(ya.y, b.mask, b.net);
      const byHand = tf.add(tf.add(tf.sub(tf.mul(-0.5, tf.sum(tf.square(yb.y), 1)), LOG_2PI), ya.logDet), yb.logDet);
      expect(maxAbsDiff(flowLogProb(x, [a, b]), byHand)).toBeLessThan(1e-5);
      expect(maxAbsDiff(flowLogProb(x, [b, a]), byHand)).toBeGreaterThan(1e-2);
    });
  });
});

describe('argument errors', () => {
  it('name the function and what was wrong', () => {
    const net: CouplingNet = (xm) => ({ s: tf.zerosLike(xm), t: tf.zerosLike(xm) });
    tf.tidy(() => {
      expect(() => couplingForward(tf.zeros([2, 3]) as tf.Tensor2D, tf.tensor1d([1, 0]), net)).toThrow(/couplingForward: mask must be \[d\] or \[1, d\] with d = 3/);
      expect(() => couplingForward(tf.zeros([3]) as unknown as tf.Tensor2D, tf.tensor1d([1, 0, 0]), net)).toThrow(/couplingForward: x must be rank 2/);
      expect(() => couplingInverse(tf.zeros([2, 2]) as tf.Tensor2D, tf.tensor1d([1, 0]), 3 as unknown as CouplingNet)).toThrow(/couplingInverse: net must be a function/);
      expect(() => couplingForward(tf.zeros([2, 2]) as tf.Tensor2D, tf.tensor1d([1, 0]), (xm) => ({ s: tf.zeros([1, 2]), t: tf.zerosLike(xm) }))).toThrow(/net\(x\)\.s must be \[2,2\]/);
    });
  });
});

describe('variants', () => {
  it('every mistake differs from the reference on a random 2-layer flow, and log-normal-no-constant by exactly (d/2)·log 2π', () => {
    const rng = new Rng('nf-variants');
    tf.tidy(() => {
      const layers = [[1, 0, 1], [0, 1, 0]].map((m, i) => ({ mask: tf.tensor1d(m), net: tfNet(randomWeights(rng.fork(`l${i}`), 3, 6)) }));
      const x = tf.tensor2d(rng.normals(18), [6, 3]);
      const ref = { f: couplingForward(x, layers[0]!.mask, layers[0]!.net), inv: couplingInverse(x, layers[0]!.mask, layers[0]!.net), lp: flowLogProb(x, layers) };
      for (const v of variants) {
        const e = v.exports;
        const diffs: number[] = [];
        if (e.couplingForward) {
          const f = e.couplingForward(x, layers[0]!.mask, layers[0]!.net) as { y: tf.Tensor; logDet: tf.Tensor };
          diffs.push(maxAbsDiff(f.y, ref.f.y), maxAbsDiff(f.logDet, ref.f.logDet));
        }
        if (e.couplingInverse) diffs.push(maxAbsDiff(e.couplingInverse(x, layers[0]!.mask, layers[0]!.net) as tf.Tensor, ref.inv));
        if (e.flowLogProb) diffs.push(maxAbsDiff(e.flowLogProb(x, layers) as tf.Tensor, ref.lp));
        expect(Math.max(...diffs), v.id).toBeGreaterThan(1e-2);
      }
      const noConstant = variants.find((v) => v.id === 'log-normal-no-constant')!.exports.flowLogProb!(x, layers) as tf.Tensor;
      expect(maxAbsDiff(tf.sub(noConstant, ref.lp), new Array(6).fill(1.5 * LOG_2PI))).toBeLessThan(1e-4);
    });
  });
});
