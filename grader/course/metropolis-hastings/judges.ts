import { isWireTensor, type Wire } from '../../basics/wire.ts';
import type { ProposalSpec, TargetSpec } from './models.ts';
import { binomialTwoSidedP, oddsNote } from '../../judges/stats.ts';
import { chiSquareTest, describeCells, ksTest } from '../shared/samplers/exact-stats.ts';
import { bananaToUniform, evolve, logTarget, mhKernel, mixtureCdf, tableProbs } from './exact.ts';
import { testCaption } from '../../images/caption.ts';
import type { BarChart, Density2dChart, HistogramChart, TraceChart } from '../../images/chart-types.ts';
import { stateChart } from '../../images/sampler-charts.ts';
import type { JudgeImage, Judgement, JudgeTable } from '../../judges/types.ts';

interface Summary {
  shape: number[];
  last: Wire;
  acceptRate: number;
  /** How many of the steps · chains proposals moved a chain (null when samples has the wrong shape). */
  moved?: number | null;
  /** oneStep only: chains at exactly x0 at t = 0 and t = 1 of a two-step run (null when it could not run). */
  recorded?: { atX0: number[] } | null;
  /** For the trace plot only: the first coordinate of the first chains, every `traceEvery`-th step, [chains, steps′]. */
  trace?: Wire;
  traceEvery?: number;
}

/** The trace plot of a case's first chains (none when the task sent no trace), with the exact mean as the target line. */
function tracePicture(label: string, s: Summary, mean: number | undefined): TraceChart[] {
  const t = s.trace;
  if (!isWireTensor(t) || t.$tensor.shape.length !== 2) return [];
  const [c, len] = t.$tensor.shape as [number, number];
  const chains = Array.from({ length: c }, (_, k) => Array.from(t.$tensor.data.slice(k * len, (k + 1) * len), Number));
  const every = typeof s.traceEvery === 'number' && s.traceEvery >= 1 ? s.traceEvery : 1;
  return [{
    kind: 'trace',
    name: 'mh-trace',
    title: `metropolis-hastings, ${label}: the first ${c} chains`,
    caption: `x₁ of the first ${c} chains${every > 1 ? `, every ${every}th step` : ''}: a chain that mixes wanders over the whole target and forgets its start`,
    xLabel: every > 1 ? `step ÷ ${every}` : 'step',
    yLabel: 'x₁',
    chains,
    ...(mean !== undefined ? { target: { label: 'exact mean', y: mean } } : {}),
  }];
}

/** The last states of a 1-D mixture case as a histogram over the exact density. */
function mixturePicture(label: string, last: ArrayLike<number>, target: Extract<TargetSpec, { kind: 'mixture' }>, caption: string): HistogramChart {
  const lo = Math.min(...target.means.map((m, i) => m - 4 * target.stds[i]!));
  const hi = Math.max(...target.means.map((m, i) => m + 4 * target.stds[i]!));
  const x = Array.from({ length: 241 }, (_, i) => lo + ((hi - lo) * i) / 240);
  return { kind: 'histogram', name: 'mh-mixture', title: `metropolis-hastings, ${label}: last step of every chain`, caption, xLabel: 'x', samples: last, samplesLabel: 'your chains', range: [lo, hi], bins: 60, curves: [{ label: 'exact target', role: 'reference', x, y: x.map((v) => Math.exp(logTarget(target, [v]))) }] };
}

/** The last states of a banana case over the exact (unnormalised) density. */
function bananaPicture(label: string, last: ArrayLike<number>, target: Extract<TargetSpec, { kind: 'banana' }>, caption: string): Density2dChart {
  const xr: [number, number] = [-3.5 * target.s1, 3.5 * target.s1];
  const yr: [number, number] = [-4 - target.b * target.s1 ** 2, 4 + target.b * 11 * target.s1 ** 2];
  const nx = 80, ny = 80;
  const values = Array.from({ length: nx * ny }, (_, k) => Math.exp(logTarget(target, [xr[0] + ((k % nx) + 0.5) * (xr[1] - xr[0]) / nx, yr[0] + (Math.floor(k / nx) + 0.5) * (yr[1] - yr[0]) / ny])));
  return { kind: 'density2d', name: 'mh-banana', title: `metropolis-hastings, ${label}: last step of every chain`, caption, xRange: xr, yRange: yr, density: { nx, ny, values, label: 'exact target' }, points: [{ xy: Array.from(last).slice(0, 4000), label: 'your chains', role: 'student' }] };
}

interface Group { from: number; n: number; a: number; aMissing: number; aUpside: number; accepted: number }

/** The accepted fractions k/n that the judge's two-sided binomial test passes (p ≥ α) when each chain accepts with probability A. */
function passingFractions(n: number, A: number, alpha: number): [number, number] {
  if (A >= 1) return [1, 1]; // A = 1: every chain must move
  if (!(A > 0)) return [0, 0];
  const mode = Math.round(n * A); // p = 1 there (|k − nA| ≤ ½)
  let lo = mode;
  let hi = mode;
  while (lo > 0 && binomialTwoSidedP(lo - 1, n, A) >= alpha) lo--;
  while (hi < n && binomialTwoSidedP(hi + 1, n, A) >= alpha) hi++;
  return [lo / n, hi / n];
}

/** Per group, the fraction of chains that accepted against the exact A, whiskers on A spanning the fractions that pass; captioned with the smallest p. */
function acceptancePicture(groups: Group[], ps: number[], alpha: number): BarChart {
  const worst = ps.reduce((w, p, k) => (p < ps[w]! ? k : w), 0);
  const intervals = groups.map((g) => passingFractions(g.n, g.a, alpha));
  return {
    kind: 'bars',
    name: 'mh-acceptance',
    title: 'metropolis-hastings: one step from known states, per group',
    caption: `${testCaption(`two-sided binomial test, group ${worst + 1}`, groups[worst]!.n, ps[worst]!, alpha)}; the smallest p of ${groups.length} groups; the whiskers span the accepted fractions that pass`,
    xLabel: 'group (its exact acceptance probability A)',
    yLabel: 'fraction of chains at x′',
    categories: groups.map((g) => `A = ${+g.a.toFixed(3)}`),
    series: [
      { label: 'your chains', role: 'student', values: groups.map((g) => g.accepted / g.n) },
      { label: 'exact A', role: 'reference', values: groups.map((g) => g.a), whiskers: { lo: intervals.map((i) => i[0]), hi: intervals.map((i) => i[1]), label: 'fractions that pass' } },
    ],
  };
}

/** Whether every group's count fits acceptance probabilities `aOf` (p > 1e-3 each), and they differ from the correct ones somewhere. */
function fitsEverywhere(groups: Group[], aOf: (g: Group) => number): boolean {
  const fit = (g: Group) => {
    const v = aOf(g);
    return v >= 1 ? g.accepted === g.n : v <= 0 ? g.accepted === 0 : binomialTwoSidedP(g.accepted, g.n, v) > 1e-3;
  };
  return groups.some((g) => Math.abs(aOf(g) - g.a) > 1e-6) && groups.every(fit);
}

/**
 * The hint for a failed one-step check, only when the observations fit a known mistake on every
 * group where that mistake differs from the correct sampler; otherwise none (the message says
 * what was observed).
 */
function oneStepHint(groups: Group[], moved: number, chains: number, recorded: Summary['recorded']): string | undefined {
  if (moved === chains) return 'every chain recorded its proposal: on rejection the chain must stay at x and record x again (samples[t] = accept ? x′ : x)';
  const atX0 = recorded?.atX0;
  if (moved === 0 && atX0 && atX0[0] === chains && atX0[1]! < chains) {
    return 'no chain moved in one step, not even those with A = 1, yet in a two-step run the chains do move at t = 1: samples[t] records the state before step t; record the state after it (samples[0] is already the result of the first step)';
  }
  const between = groups.filter((g) => g.a > 0 && g.a < 1 && g.n >= 100);
  if (between.length >= 2 && between.every((g) => g.accepted === 0 || g.accepted === g.n)) {
    return 'within every group all chains made the same accept/reject decision, as if they shared one uniform u: draw one u per chain (shape [chains]), so that the chains are independent';
  }
  if (fitsEverywhere(groups, (g) => g.aMissing)) return CORRECTION_HINT.missing;
  if (fitsEverywhere(groups, (g) => g.aUpside)) return CORRECTION_HINT.upsideDown;
  if (fitsEverywhere(groups, (g) => Math.sqrt(g.a))) return 'you accept too often: every group accepts with probability √A instead of A: accept when u < A (in logs: log u < log A), not when u² < A or u < √A';
  return undefined;
}

function dataOf(v: Wire | undefined, what: string): Float32Array {
  if (!isWireTensor(v)) throw new TypeError(`${what} should be a tensor`);
  return v.$tensor.data as Float32Array;
}

/** undefined when samples are [steps, chains, d]; otherwise what is wrong. */
function badShape(s: Summary, steps: number, chains: number, d: number): string | undefined {
  const want = [steps, chains, d];
  if (s.shape.join(',') !== want.join(',')) return `samples has shape [${s.shape.join(', ')}], expected [steps, chains, d] = [${want.join(', ')}]`;
  return undefined;
}

const CORRECTION_HINT = {
  missing: 'your chain behaves as if the Hastings correction q(x | x′)/q(x′ | x) were left out: with an asymmetric proposal, accept with min(1, p(x′)·q(x | x′) / (p(x)·q(x′ | x))), i.e. add proposal.logProb(x, x′) − proposal.logProb(x′, x) to the log-ratio',
  upsideDown: 'your chain behaves as if the Hastings correction were upside down: the factor is q(x | x′)/q(x′ | x) — logProb(to, from) is log q(to | from), so add logProb(x, x′) and subtract logProb(x′, x)',
};

/**
 * undefined when acceptRate agrees with how often the chains moved; otherwise what is wrong,
 * with a hint. Only for proposals that never equal the current state (a walk on a cycle; a
 * continuous proposal, where x′ = x in float32 has probability ~1e-7 a step), so every move
 * is an accepted proposal and every accepted proposal a move. The tolerance, 1e-4, is far
 * above float32 rounding of a rate and well below the chance spread of one step's accepted
 * fraction (0.003–0.007 at 20,000 and 5,000 chains), so a rate from one step alone fails.
 */
function acceptRateMismatch(s: Summary, steps: number, chains: number): { message: string; hint: string } | undefined {
  if (typeof s.moved !== 'number') return undefined;
  const total = steps * chains;
  const rate = s.moved / total;
  if (Math.abs(s.acceptRate - rate) <= 1e-4) return undefined;
  const perChain = Math.abs(s.acceptRate - s.moved / chains) <= 1e-4 * steps;
  return {
    message: `acceptRate is ${s.acceptRate}, but the chains moved in ${s.moved} of the ${steps} × ${chains} = ${total} proposals (${rate.toFixed(4)}); every proposal here differs from its chain's state, so each move is an accepted proposal`,
    hint: perChain
      ? 'acceptRate = accepted proposals / (steps · chains): divide the total over every step by steps · chains, not by chains'
      : 'acceptRate = accepted proposals / (steps · chains): count the accepted proposals of every step and every chain (a running total over the steps), not only those of one step',
  };
}

export const judges: JudgeTable = {
  /**
   * Grosse & Duvenaud's exact invariant: one step from known states x with a proposal whose
   * draw x′ is fixed and whose densities are given, so each chain accepts with the known
   * probability A = min(1, p(x′)q(x|x′) / (p(x)q(x′|x))) — recomputed here from the values sent.
   * Per group of chains: a two-sided binomial test of the number accepted; every recorded state
   * must be x′ (accepted) or x (rejected); acceptRate must be the fraction accepted.
   */
  acceptProbability({ cases, values, alpha }): Judgement {
    const c = cases[0]!;
    const [targetW, x0W, toW, fwdW, bwdW] = c.args;
    const target = targetW as unknown as TargetSpec;
    const x0 = dataOf(x0W, 'x0'), to = dataOf(toW, 'to'), fwd = dataOf(fwdW, 'forward'), bwd = dataOf(bwdW, 'backward');
    const chains = x0.length;
    const s = values[0] as unknown as Summary;
    const shape = badShape(s, 1, chains, 1);
    if (shape) return { passed: false, message: shape };
    const last = dataOf(s.last, 'samples[0]');
    // Groups: runs of chains with the same (x, x′).
    const groups: Group[] = [];
    let moved = 0;
    for (let i = 0; i < chains; i++) {
      const near = (u: number, v: number) => Math.abs(u - v) <= 1e-5 * Math.max(1, Math.abs(v));
      const acc = near(last[i]!, to[i]!);
      if (!acc && !near(last[i]!, x0[i]!)) {
        return {
          passed: false,
          message: `chain ${i}: after one step it recorded ${last[i]}, but it was at x = ${x0[i]} and the proposal was x′ = ${to[i]}: a Metropolis–Hastings step records x′ (accepted) or x (rejected), nothing else`,
          hint: 'on rejection keep the current state: samples[t] = accept ? x′ : x, row by row (tf.where with the accept mask broadcast to [chains, d])',
        };
      }
      if (acc) moved++;
      const g = groups[groups.length - 1];
      if (!g || x0[g.from] !== x0[i] || to[g.from] !== to[i]) {
        const dLogP = logTarget(target, [to[i]!]) - logTarget(target, [x0[i]!]);
        const h = bwd[i]! - fwd[i]!; // log q(x|x′) − log q(x′|x)
        const a = (r: number) => Math.min(1, Math.exp(r));
        groups.push({ from: i, n: 0, a: a(dLogP + h), aMissing: a(dLogP), aUpside: a(dLogP - h), accepted: 0 });
      }
      const cur = groups[groups.length - 1]!;
      cur.n++;
      if (acc) cur.accepted++;
    }
    const a = alpha / groups.length;
    const lines = groups.map((g, k) => {
      const p = g.a >= 1 ? (g.accepted === g.n ? 1 : 0) : binomialTwoSidedP(g.accepted, g.n, g.a);
      return { p, text: `group ${k + 1} (x = ${x0[g.from]!.toFixed(3)}, x′ = ${to[g.from]!.toFixed(3)}): accepted ${g.accepted} of ${g.n} (${(100 * g.accepted / g.n).toFixed(1)}%), A = ${g.a.toFixed(3)}, p = ${p.toPrecision(2)} ${oddsNote('two-sided binomial test', g.n, 'chains', a)}` };
    });
    const images = [acceptancePicture(groups, lines.map((l) => l.p), a)];
    const failed = lines.findIndex((l) => l.p < a);
    if (failed >= 0) {
      const g = groups[failed]!;
      return {
        passed: false,
        message: `${lines[failed]!.text}: a correct sampler accepts a fraction this far from A with probability below ${a.toExponential(1)} (two-sided binomial test); the acceptance probability should be ${g.a.toFixed(3)}`,
        hint: oneStepHint(groups, moved, chains, s.recorded),
        images,
      };
    }
    const rate = moved / chains;
    if (!(Math.abs(s.acceptRate - rate) <= 1 / chains + 1e-6)) {
      return { passed: false, message: `acceptRate is ${s.acceptRate}, but ${moved} of ${chains} chains moved (${rate.toFixed(4)}): acceptRate is the fraction of proposals accepted over all steps and chains`, images };
    }
    return { passed: true, message: `${lines.map((l) => l.text).join('; ')}; acceptRate ${s.acceptRate.toFixed(4)} matches; p ≥ ${a.toExponential(1)} per group passes`, images };
  },

  /**
   * 5-state target, all chains from state 0: the states at the last step (one per chain, so
   * independent) against the EXACT distribution δ₀·Kᵗ of the MH chain after t steps
   * (K enumerated from the target and the proposal), chi-square.
   */
  discreteChains({ cases, values, alpha }): Judgement {
    const a = alpha / cases.length;
    const lines: string[] = [];
    let pictures: JudgeImage[] = [];
    for (let c = 0; c < cases.length; c++) {
      const [tW, pW, x0W, stepsW] = cases[c]!.args;
      const label = cases[c]!.label;
      const target = tW as unknown as Extract<TargetSpec, { kind: 'table' }>;
      const proposal = pW as unknown as ProposalSpec;
      const steps = stepsW as number;
      const chains = dataOf(x0W, 'x0').length;
      const s = values[c] as unknown as Summary;
      const shape = badShape(s, steps, chains, 1);
      if (shape) return { passed: false, message: `${label}: ${shape}` };
      const last = dataOf(s.last, 'samples[steps − 1]');
      const k = target.logits.length;
      const counts = new Array<number>(k + 1).fill(0);
      for (const v of last) counts[Number.isInteger(v) && v >= 0 && v < k ? v : k]++;
      const pi = tableProbs(target.logits);
      const start = Array.from({ length: k }, (_, i) => (i === 0 ? 1 : 0));
      const exact = (corr: 1 | 0 | -1) => [...evolve(start, mhKernel(pi, proposal, corr), steps), 0];
      const names = (i: number) => (i < k ? `x = ${i}` : 'values outside {0, …, 4}');
      const r = chiSquareTest(counts, exact(1), names);
      const head = `${label}: χ² = ${r.stat.toFixed(1)} on ${r.df} df, p = ${r.p.toPrecision(2)} ${oddsNote('χ² test', chains, 'chains', a)}`;
      if (c === 0 || r.p < a) {
        const kk = counts[k]! > 0 ? k + 1 : k; // the "outside" cell only when some value fell there
        const bars = stateChart({ name: 'mh-states', title: `metropolis-hastings, ${label}: state after ${steps} steps`, caption: testCaption('χ² test', chains, r.p, a), counts: counts.slice(0, kk), exact: exact(1).slice(0, kk), stateName: (i) => (i < k ? String(i) : 'outside'), xLabel: 'state (most probable first)', samplesLabel: 'your chains' });
        pictures = [bars, ...tracePicture(label, s, pi.reduce((m, q, i) => m + q * i, 0))];
      }
      if (r.p < a) {
        const fits = (corr: 0 | -1) => proposal.kind !== 'cycle' || proposal.up !== 0.5 ? chiSquareTest(counts, exact(corr), names).p > 1e-3 : false;
        const hint = fits(0) ? CORRECTION_HINT.missing : fits(-1) ? CORRECTION_HINT.upsideDown
          : 'check the acceptance rule A = min(1, p(x′)q(x | x′)/(p(x)q(x′ | x))), that a rejected step records the current state, and that each step draws with a fresh seed';
        return { passed: false, message: `${head}: a correct sampler lands this far from the exact distribution after ${steps} steps with probability below ${a.toExponential(1)}. ${describeCells(r.worst)}`, hint, images: pictures };
      }
      const rate = proposal.kind === 'cycle' ? acceptRateMismatch(s, steps, chains) : undefined; // ±1 on a cycle of 5: x′ ≠ x always
      if (rate) return { passed: false, message: `${label}: ${rate.message}`, hint: rate.hint, images: pictures };
      lines.push(head);
    }
    return { passed: true, message: `${lines.join('; ')}; p ≥ ${a.toExponential(1)} per case passes; acceptRate matches the moves`, images: pictures };
  },

  /**
   * Chains started from exact draws of the target stay in it: the last step (one state per
   * chain) against the exact target — Kolmogorov–Smirnov against the mixture's CDF; for the
   * banana, chi-square on a 5×5 grid of its exact transform to two independent uniforms.
   */
  continuousChains({ cases, values, alpha }): Judgement {
    const a = alpha / cases.length;
    const lines: string[] = [];
    let pictures: JudgeImage[] = [];
    for (let c = 0; c < cases.length; c++) {
      const [tW, pW, x0W, stepsW] = cases[c]!.args;
      const label = cases[c]!.label;
      const target = tW as unknown as TargetSpec;
      const proposal = pW as unknown as Extract<ProposalSpec, { kind: 'gaussian' }>;
      const steps = stepsW as number;
      const d = proposal.drift.length;
      const chains = dataOf(x0W, 'x0').length / d;
      const s = values[c] as unknown as Summary;
      const shape = badShape(s, steps, chains, d);
      if (shape) return { passed: false, message: `${label}: ${shape}` };
      const last = dataOf(s.last, 'samples[steps − 1]');
      const asym = proposal.drift.some((v) => v !== 0);
      // No known mistake is fitted here, so the hint is a checklist, not a diagnosis.
      const hint = `a correct kernel keeps chains that start in the target exactly in it; check the acceptance rule${asym ? ' (this proposal is asymmetric: the Hastings factor q(x | x′)/q(x′ | x) matters)' : ''}, that a rejected step records the current state, and that every draw has its own seed`;
      if (target.kind === 'mixture') {
        const r = ksTest(last, mixtureCdf(target));
        const head = `${label}: KS D = ${r.d.toFixed(4)} over ${r.n} chains, p = ${r.p.toPrecision(2)} ${oddsNote('Kolmogorov–Smirnov test', r.n, 'chains', a)}`;
        if (pictures.length === 0 || r.p < a) pictures = [mixturePicture(label, last, target, testCaption('Kolmogorov–Smirnov test', r.n, r.p, a)), ...tracePicture(label, s, target.weights.reduce((m, w, i) => m + w * target.means[i]!, 0))];
        if (r.p < a) {
          const side = r.sampleAbove ? 'too many' : 'too few';
          return { passed: false, message: `${head}: a correct sampler's empirical CDF strays this far from the exact mixture CDF with probability below ${a.toExponential(1)}; the largest gap is at x = ${r.at.toFixed(2)} (${side} samples below it)`, hint, images: pictures };
        }
        const rate = acceptRateMismatch(s, steps, chains);
        if (rate) return { passed: false, message: `${label}: ${rate.message}`, hint: rate.hint, images: pictures };
        lines.push(head);
      } else if (target.kind === 'banana') {
        const g = 5;
        const counts = new Array<number>(g * g).fill(0);
        for (let i = 0; i < chains; i++) {
          const [u1, u2] = bananaToUniform(target, last[2 * i]!, last[2 * i + 1]!);
          const cell = Number.isFinite(u1) && Number.isFinite(u2) ? Math.min(g - 1, Math.floor(u1 * g)) * g + Math.min(g - 1, Math.floor(u2 * g)) : 0;
          counts[cell]++;
        }
        const names = (i: number) => `cell (x₁ in quantile band ${Math.floor(i / g) + 1} of ${g}, x₂ − b(x₁² − s1²) in band ${(i % g) + 1} of ${g})`;
        const r = chiSquareTest(counts, new Array(g * g).fill(1 / (g * g)), names);
        const head = `${label}: χ² = ${r.stat.toFixed(1)} on ${r.df} df over a ${g}×${g} grid of equal-probability cells, p = ${r.p.toPrecision(2)} ${oddsNote('χ² test', chains, 'chains', a)}`;
        if (pictures.length === 0 || r.p < a) pictures = [bananaPicture(label, last, target, testCaption('χ² test on a 5×5 grid', chains, r.p, a)), ...tracePicture(label, s, 0)];
        if (r.p < a) return { passed: false, message: `${head}: a correct sampler lands this far from the exact banana with probability below ${a.toExponential(1)}. ${describeCells(r.worst)}`, hint, images: pictures };
        const rate = acceptRateMismatch(s, steps, chains);
        if (rate) return { passed: false, message: `${label}: ${rate.message}`, hint: rate.hint, images: pictures };
        lines.push(head);
      }
    }
    return { passed: true, message: `${lines.join('; ')}; p ≥ ${a.toExponential(1)} per case passes; acceptRate matches the moves`, images: pictures };
  },
};
