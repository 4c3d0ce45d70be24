/** Exact counterparts of grader/course/metropolis-hastings/models.ts, in float64 plain JS, for the judges and tests. */
import type { ProposalSpec, TargetSpec } from './models.ts';
import { normalCdf } from '../shared/samplers/exact-stats.ts';

/** Normalised probabilities of a table target. */
export function tableProbs(logits: number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}

/** q(y | x) of a discrete proposal on K states. */
function q(p: ProposalSpec, k: number, x: number, y: number): number {
  if (p.kind === 'independent') return p.probs[y]!;
  if (p.kind === 'cycle') return (y - x + k) % k === 1 ? p.up : (x - y + k) % k === 1 ? 1 - p.up : 0;
  throw new Error(`no discrete kernel for a ${p.kind} proposal`);
}

/**
 * The exact MH transition matrix on K states. `correction` models the Hastings factor q(x|y)/q(y|x):
 * 1 as it should be, 0 left out, −1 upside down (for the tests' power studies).
 */
export function mhKernel(pi: number[], p: ProposalSpec, correction: 1 | 0 | -1 = 1): number[][] {
  const k = pi.length;
  return pi.map((_, x) => {
    const row = pi.map((__, y) => {
      if (y === x) return 0;
      const fwd = q(p, k, x, y);
      if (fwd === 0) return 0;
      const ratio = (pi[y]! / pi[x]!) * (q(p, k, y, x) / fwd) ** correction;
      return fwd * Math.min(1, ratio);
    });
    row[x] = 1 - row.reduce((a, b) => a + b, 0);
    return row;
  });
}

/** p0·Kᵗ. */
export function evolve(p0: number[], kernel: number[][], steps: number): number[] {
  let p = p0.slice();
  for (let t = 0; t < steps; t++) p = p.map((_, y) => p.reduce((s, px, x) => s + px * kernel[x]![y]!, 0));
  return p;
}

/** CDF of a 1-D mixture of Gaussians. */
export function mixtureCdf(t: Extract<TargetSpec, { kind: 'mixture' }>): (x: number) => number {
  return (x) => t.weights.reduce((s, w, m) => s + w * normalCdf((x - t.means[m]!) / t.stds[m]!), 0);
}

/** The banana's exact Rosenblatt transform to two independent U(0, 1): (Φ(x₁/s1), Φ(x₂ − b(x₁² − s1²))). */
export function bananaToUniform(t: Extract<TargetSpec, { kind: 'banana' }>, x1: number, x2: number): [number, number] {
  return [normalCdf(x1 / t.s1), normalCdf(x2 - t.b * (x1 * x1 - t.s1 * t.s1))];
}

/** log p̃(x) of a target at one point (1-D or 2-D), float64. */
export function logTarget(t: TargetSpec, x: number[]): number {
  if (t.kind === 'table') return t.logits[Math.round(x[0]!)]!;
  if (t.kind === 'mixture') {
    const terms = t.weights.map((w, m) => Math.log(w) - Math.log(t.stds[m]!) - 0.5 * Math.log(2 * Math.PI) - 0.5 * ((x[0]! - t.means[m]!) / t.stds[m]!) ** 2);
    const mx = Math.max(...terms);
    return mx + Math.log(terms.reduce((s, v) => s + Math.exp(v - mx), 0));
  }
  const r = x[1]! - t.b * (x[0]! ** 2 - t.s1 ** 2);
  return -(x[0]! ** 2) / (2 * t.s1 ** 2) - (r * r) / 2;
}
