import { isWireTensor, type Wire } from '../../basics/wire.ts';
import { chiSquareTest, describeCells, normalTwoSidedP } from '../shared/samplers/exact-stats.ts';
import { oddsNote } from '../../judges/stats.ts';
import { cdMoments, jointAfterSteps, meanLogLikelihood, visibleKernel, type Rbm } from './exact.ts';
import { testCaption } from '../../images/caption.ts';
import type { BarChart } from '../../images/chart-types.ts';
import { stateChart } from '../../images/sampler-charts.ts';
import type { Judgement, JudgeTable } from '../../judges/types.ts';
import type { CurveSeries } from '../../images/learning-curve.ts';
import { versusReferenceChart } from '../../images/versus-reference.ts';

function tensorOf(v: Wire | undefined, what: string): { shape: number[]; data: ArrayLike<number> } {
  if (!isWireTensor(v)) throw new TypeError(`${what} should be a tensor`);
  return v.$tensor;
}

function rbmOf(args: Wire[], from: number): Rbm {
  const w = tensorOf(args[from], 'w');
  return { w: w.data, b: tensorOf(args[from + 1], 'b').data, c: tensorOf(args[from + 2], 'c').data, nv: w.shape[0]!, nh: w.shape[1]! };
}

const bits = (s: number, n: number) => Array.from({ length: n }, (_, i) => (s >> i) & 1).join('');

/** Index of a 0/1 row; −1 when a value is not 0 or 1. */
function rowIndex(x: ArrayLike<number>, r: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = x[r * n + i];
    if (v === 1) s |= 1 << i;
    else if (v !== 0) return -1;
  }
  return s;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** p(h = 1 | v) for a real-valued row v (float64). */
function hiddenProbsOf(m: Rbm, v: number[]): number[] {
  return Array.from({ length: m.nh }, (_, j) => sigmoid(m.c[j]! + v.reduce((s, vi, i) => s + vi * m.w[i * m.nh + j]!, 0)));
}

/**
 * With one row (B = 1), db = v₀ − v_k gives the reconstruction v_k, and with hidden
 * probabilities in both statistics dW = v₀ᵀp(h|v₀) − v_kᵀp(h|v_k) and dc = p(h|v₀) − p(h|v_k)
 * exactly (float32 rounding aside). Sampled hidden states have the same expectation, so the
 * z tests cannot see them; this can. Undefined when every single-row call agrees.
 */
function singleRowMismatch(label: string, m: Rbm, v0: ArrayLike<number>, single: Wire | undefined): string | undefined {
  if (!Array.isArray(single)) return `${label}: the single-row calls of cdGradient returned nothing`;
  for (let r = 0; r < single.length; r++) {
    const g = single[r] as Record<string, Wire> | undefined;
    const dW = tensorOf(g?.dW, 'dW'), db = tensorOf(g?.db, 'db'), dc = tensorOf(g?.dc, 'dc');
    if (dW.data.length !== m.nv * m.nh || db.data.length !== m.nv || dc.data.length !== m.nh) return `${label}: cdGradient on a single row gave dW, db, dc of shapes [${dW.shape}], [${db.shape}], [${dc.shape}], expected [${m.nv},${m.nh}], [${m.nv}], [${m.nh}]`;
    const x0 = Array.from({ length: m.nv }, (_, i) => v0[r * m.nv + i]!);
    const xk = x0.map((x, i) => x - db.data[i]!);
    const p0 = hiddenProbsOf(m, x0), pk = hiddenProbsOf(m, xk);
    const close = (got: number, want: number) => Math.abs(got - want) <= 1e-4 + 1e-4 * Math.abs(want);
    const row = `a single row (B = 1) v₀ = [${x0.join(', ')}], whose db = v₀ − v_k gives the reconstruction v_k = [${xk.map((x) => +x.toFixed(4)).join(', ')}]`;
    for (let j = 0; j < m.nh; j++) {
      if (!close(dc.data[j]!, p0[j]! - pk[j]!)) return `${label}, ${row}: dc[${j}] = ${dc.data[j]} but p(h${j}|v₀) − p(h${j}|v_k) = ${(p0[j]! - pk[j]!).toFixed(6)}`;
      for (let i = 0; i < m.nv; i++) {
        const want = x0[i]! * p0[j]! - xk[i]! * pk[j]!;
        if (!close(dW.data[i * m.nh + j]!, want)) return `${label}, ${row}: dW[${i}][${j}] = ${dW.data[i * m.nh + j]} but v₀${i}·p(h${j}|v₀) − v_k${i}·p(h${j}|v_k) = ${want.toFixed(6)}`;
      }
    }
  }
  return undefined;
}

/** The CD gradient's components against their exact expectations, the largest |z| first (at most 16). */
function gradientChart(label: string, names: string[], got: number[], mean: number[], variance: number[], p: number, a: number, k: number, rows: number): BarChart {
  const z = got.map((g, i) => Math.abs(g - mean[i]!) / Math.max(Math.sqrt(variance[i]!), 1e-7));
  const order = z.map((_, i) => i).sort((x, y) => z[y]! - z[x]! || x - y).slice(0, 16);
  return {
    kind: 'bars',
    name: 'rbm-cd-gradient',
    title: `rbm CD-${k} gradient, ${label}: the components farthest from their exact expectation`,
    caption: testCaption(`z test on the largest of ${got.length} components' deviations (n = rows of the batch)`, rows, p, a),
    xLabel: 'component (largest |z| first)',
    yLabel: 'value',
    categories: order.map((i) => names[i]!),
    series: [
      { label: 'your gradient', role: 'student', values: order.map((i) => got[i]!) },
      { label: 'exact expectation', role: 'reference', values: order.map((i) => mean[i]!) },
    ],
  };
}

/**
 * The exact mean log-likelihood of the data over a training, from the parameter snapshots the
 * task recorded (`curve`: {steps [K], w [K, nv, nh], b [K, nv], c [K, nh]}), starting from the
 * untrained start at step 0. Undefined when absent or malformed: it only draws a picture, so a
 * value that does not fit is dropped, never judged.
 */
export function likelihoodCurve(v: Wire | undefined, start: Rbm, data: ArrayLike<number>, totalSteps: number): CurveSeries | undefined {
  const curve = (v as Record<string, Wire> | null | undefined)?.curve as Record<string, Wire> | undefined;
  if (curve === null || typeof curve !== 'object' || Array.isArray(curve) || isWireTensor(curve)) return undefined;
  const steps = curve.steps;
  const [w, b, c] = [curve.w, curve.b, curve.c];
  if (!Array.isArray(steps) || !isWireTensor(w) || !isWireTensor(b) || !isWireTensor(c)) return undefined;
  const k = steps.length;
  const { nv, nh } = start;
  const fits = (t: { shape: number[]; data: ArrayLike<number> }, shape: number[]) => t.shape.join(',') === shape.join(',') && t.data.length === shape.reduce((a, d) => a * d, 1);
  if (!(k >= 1 && k <= 1000) || !fits(w.$tensor, [k, nv, nh]) || !fits(b.$tensor, [k, nv]) || !fits(c.$tensor, [k, nh])) return undefined;
  if (!steps.every((s, i) => typeof s === 'number' && Number.isInteger(s) && s >= 1 && s <= totalSteps && (i === 0 || s > (steps[i - 1] as number)))) return undefined;
  const y = [meanLogLikelihood(start, data)];
  for (let i = 0; i < k; i++) {
    const at = (t: { data: ArrayLike<number> }, n: number) => Array.prototype.slice.call(t.data, i * n, (i + 1) * n) as number[];
    y.push(meanLogLikelihood({ w: at(w.$tensor, nv * nh), b: at(b.$tensor, nv), c: at(c.$tensor, nh), nv, nh }, data));
  }
  return { x: [0, ...(steps as number[])], y };
}

const NAMES_DW = (nv: number, nh: number) => [
  ...Array.from({ length: nv * nh }, (_, k) => `dW[${Math.floor(k / nh)}][${k % nh}]`),
  ...Array.from({ length: nv }, (_, i) => `db[${i}]`),
  ...Array.from({ length: nh }, (_, j) => `dc[${j}]`),
];

export const judges: JudgeTable = {
  /**
   * Block-Gibbs chains built from the student's hiddenProbs, visibleProbs and sampleBernoulli:
   * the final (v, h) of each independent chain against the EXACT joint after that many steps
   * (enumerating all 2^nv·2^nh states), chi-square.
   */
  jointCounts({ cases, values, alpha }): Judgement {
    const c = cases[0]!;
    const m = rbmOf(c.args, 1);
    const steps = c.args[4] as number;
    const v0 = tensorOf(c.args[0], 'v0');
    const chains = v0.shape[0]!;
    const out = values[0] as Record<string, Wire>;
    const v = tensorOf(out.v, 'v'), h = tensorOf(out.h, 'h');
    if (v.shape.join(',') !== `${chains},${m.nv}` || h.shape.join(',') !== `${chains},${m.nh}`) return { passed: false, message: `the chain's v is [${v.shape}] and h is [${h.shape}], expected [${chains}, ${m.nv}] and [${chains}, ${m.nh}]` };
    const nV = 1 << m.nv;
    const counts = new Array<number>(nV << m.nh).fill(0);
    for (let r = 0; r < chains; r++) {
      const a = rowIndex(v.data, r, m.nv), b = rowIndex(h.data, r, m.nh);
      if (a < 0 || b < 0) return { passed: false, message: `chain ${r}: sampleBernoulli gave values other than 0 and 1 (v = ${Array.from({ length: m.nv }, (_, i) => v.data[r * m.nv + i]).join(', ')})`, hint: 'sampleBernoulli returns 1 where u < p and 0 elsewhere, as float32' };
      counts[a + nV * b]++;
    }
    const target = jointAfterSteps(m, new Array(nV).fill(1 / nV), steps);
    const r = chiSquareTest(counts, target, (s) => `(v = ${bits(s % nV, m.nv)}, h = ${bits(Math.floor(s / nV), m.nh)})`);
    const head = `${c.label}: χ² = ${r.stat.toFixed(1)} on ${r.df} df over the ${counts.length} joint states, p = ${r.p.toPrecision(2)} ${oddsNote('χ² test', chains, 'chains', alpha)}`;
    const images = [stateChart({ name: 'rbm-joint-states', title: `rbm block Gibbs, ${c.label}`, caption: testCaption('χ² test', chains, r.p, alpha), counts, exact: target, stateName: (s) => `${bits(s % nV, m.nv)}|${bits(Math.floor(s / nV), m.nh)}`, xLabel: 'joint state v|h (most probable first)' })];
    if (r.p < alpha) {
      return {
        passed: false,
        images,
        message: `${head}: a correct sampler lands this far from the exact joint distribution with probability below ${alpha.toExponential(1)}. ${describeCells(r.worst)}`,
        hint: 'check that sampleBernoulli gives 1 with probability p (u < p, not u > p) and uses its seed, and that visibleProbs uses Wᵀ: σ(hWᵀ + b)',
      };
    }
    return { passed: true, message: `${head}; p ≥ ${alpha.toExponential(1)} passes`, images };
  },

  /**
   * cdGradient on a large batch of few distinct rows: each component of (dW, db, dc) is an
   * average of independent per-row terms whose exact mean and variance are enumerated; a
   * two-sided z test per component, Bonferroni over all components of all cases.
   */
  cdExpectation({ cases, values, alpha }): Judgement {
    const total = cases.reduce((s, c) => {
      const w = tensorOf(c.args[1], 'w');
      return s + w.shape[0]! * w.shape[1]! + w.shape[0]! + w.shape[1]!;
    }, 0);
    const a = alpha / total;
    const lines: string[] = [];
    let picture: BarChart | undefined;
    for (let ci = 0; ci < cases.length; ci++) {
      const c = cases[ci]!;
      const m = rbmOf(c.args, 1);
      const k = c.args[4] as number;
      const v0 = tensorOf(c.args[0], 'v0');
      const n = v0.shape[0]!;
      const out = values[ci] as Record<string, Wire>;
      const parts: [string, number[]][] = [['dW', [m.nv, m.nh]], ['db', [m.nv]], ['dc', [m.nh]]];
      const got: number[] = [];
      for (const [name, shape] of parts) {
        const t = tensorOf(out[name], name);
        if (t.shape.join(',') !== shape.join(',')) return { passed: false, message: `${c.label}: ${name} has shape [${t.shape}], expected [${shape}]` };
        got.push(...Array.from(t.data));
      }
      const kernel = visibleKernel(m);
      const cache = new Map<number, { mean: number[]; variance: number[] }>();
      const mean = new Array<number>(got.length).fill(0), variance = new Array<number>(got.length).fill(0);
      for (let r = 0; r < n; r++) {
        const s = rowIndex(v0.data, r, m.nv);
        if (!cache.has(s)) cache.set(s, cdMoments(m, s, k, kernel));
        const mo = cache.get(s)!;
        mo.mean.forEach((x, i) => (mean[i] += x / n));
        mo.variance.forEach((x, i) => (variance[i] += x / (n * n)));
      }
      const names = NAMES_DW(m.nv, m.nh);
      let worst = 0, wi = 0;
      for (let i = 0; i < got.length; i++) {
        const z = Math.abs(got[i]! - mean[i]!) / Math.max(Math.sqrt(variance[i]!), 1e-7);
        if (!(z <= worst)) [worst, wi] = [z, i];
      }
      const p = normalTwoSidedP(worst);
      if (!picture || !(p >= a)) picture = gradientChart(c.label, names, got, mean, variance, p, a, k, n);
      const head = `${c.label}: largest deviation ${names[wi]} = ${got[wi]!.toFixed(4)} vs exact expectation ${mean[wi]!.toFixed(4)} (sd ${Math.sqrt(variance[wi]!).toExponential(1)}), z = ${worst.toFixed(1)}, p = ${p.toPrecision(2)} ${oddsNote(`two-sided z test on the largest of ${got.length} components`, n, 'rows', a)}`;
      if (!(p >= a)) {
        const zeroDb = got.slice(m.nv * m.nh, m.nv * m.nh + m.nv).every((x) => Math.abs(x) < 1e-7) && mean.slice(m.nv * m.nh, m.nv * m.nh + m.nv).some((x) => Math.abs(x) > 1e-3);
        const flipped = got.every((x, i) => Math.abs(x + mean[i]!) <= 6 * Math.sqrt(variance[i]!) + 1e-6) && mean.some((x, i) => Math.abs(x) > 10 * Math.sqrt(variance[i]!));
        return {
          passed: false,
          images: [picture],
          message: `${head}: a correct CD-${k} gradient is this far from its exact expectation (enumerated over all states) with probability below ${a.toExponential(1)}`,
          hint: zeroDb
            ? 'db is 0: the negative phase must use the reconstruction v_k after k Gibbs steps, not the data v₀'
            : flipped ? 'your gradient has the opposite sign: return data statistics minus reconstruction statistics (the ascent direction)'
            : 'dW = (v₀ᵀ p(h|v₀) − v_kᵀ p(h|v_k))/B with v_k from k full steps h ~ p(h|v), v ~ p(v|h), hidden probabilities (not samples) in both terms, averaged over the batch',
        };
      }
      const single = singleRowMismatch(c.label, m, v0.data, out.single);
      if (single) {
        return {
          passed: false,
          images: [picture],
          message: `${head}; but ${single}`,
          hint: 'use the hidden probabilities p(h|v₀) and p(h|v_k) in both statistics of dW and dc, not sampled hidden states: samples have the same expectation, but the README asks for the probabilities, which give the same mean with less noise',
        };
      }
      lines.push(head);
    }
    return { passed: true, message: `${lines.join('; ')}; p ≥ ${a.toExponential(1)} per component passes; on single rows (B = 1) dW and dc match hidden probabilities exactly`, images: picture && [picture] };
  },

  /**
   * RBM trained with the student's cdGradient: exact mean log-likelihood of the data (log Z by
   * enumerating all 2^nv visible states) must reach the reference's (same start, same budget)
   * minus 0.6 nats.
   */
  trainedLikelihood({ cases, values, reference }): Judgement {
    const c = cases[0]!;
    const data = tensorOf(c.args[0], 'data');
    const read = (v: Wire | undefined, what: string): Rbm => {
      const o = v as Record<string, Wire>;
      const w = tensorOf(o.w, `${what} w`);
      return { w: w.data, b: tensorOf(o.b, `${what} b`).data, c: tensorOf(o.c, `${what} c`).data, nv: w.shape[0]!, nh: w.shape[1]! };
    };
    const start = rbmOf(c.args, 1);
    const untrained = meanLogLikelihood(start, data.data);
    const ll = meanLogLikelihood(read(values[0], 'trained'), data.data);
    const ref = meanLogLikelihood(read(reference?.[0], 'reference'), data.data);
    const margin = 0.6;
    const threshold = ref - margin;
    const best = -Math.log(data.shape[0]!);
    const ok = Number.isFinite(ll) && ll >= threshold;
    const message = `${c.label}: exact log-likelihood ${ll.toFixed(3)} nats per pattern ${ok ? '≥' : '<'} threshold ${threshold.toFixed(3)} (reference ${ref.toFixed(3)} − ${margin}; untrained ${untrained.toFixed(3)}; the best possible is log(1/${data.shape[0]}) = ${best.toFixed(3)})`;
    // The picture: the exact log-likelihood over the training, the student's over the reference's.
    const steps = c.args[4] as number;
    const mine = likelihoodCurve(values[0], start, data.data, steps);
    const chart = mine && versusReferenceChart({
      name: 'rbm-training-likelihood',
      title: `rbm CD-${c.args[6]} training: exact log-likelihood per pattern`,
      caption: `the exact mean log-likelihood of the ${data.shape[0]} training patterns (log Z by enumerating all ${1 << start.nv} visible states) every ${mine.x[1] ?? steps} steps, yours against the reference's (same start, seeds and budget); the bar ${threshold.toFixed(3)} applies to the end, the best possible is ${best.toFixed(3)}`,
      xLabel: 'step',
      yLabel: 'log-likelihood (nats)',
      student: mine,
      reference: likelihoodCurve(reference?.[0], start, data.data, steps),
      bar: { y: threshold, label: `bar ${threshold.toFixed(2)}` },
    });
    // No curve in words here: their advice is for descent on a loss (w − lr·g), this training ascends (θ + lr·∇), and the hints below already say what a flat or falling likelihood means.
    return {
      passed: ok,
      message,
      images: chart && [chart],
      hint: ok ? undefined : ll <= untrained + 0.2
        ? 'training barely moved the likelihood: check the sign (data minus reconstruction) and that the negative phase uses the reconstruction v_k, not the data'
        : 'training helps but not enough: check that every term is averaged over the batch and that the hidden probabilities (not samples) enter both statistics',
    };
  },
};
