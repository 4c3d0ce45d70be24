import { compareWire } from '../../compare/allclose.ts';
import { isWireTensor, type Wire, type WireTensor } from '../../basics/wire.ts';
import { sameSeedJudge } from '../shared/seeded-draws/judge.ts';
import { binomialTwoSidedP, oddsNote } from '../../judges/stats.ts';
import { chiSquareSurvival, chiSquareTest, describeCells } from '../shared/samplers/exact-stats.ts';
import { testCaption } from '../../images/caption.ts';
import type { BarChart } from '../../images/chart-types.ts';
import type { Judgement, JudgeTable } from '../../judges/types.ts';

function data(v: Wire | undefined, what: string): Float32Array {
  if (!isWireTensor(v)) throw new TypeError(`${what} should be a tensor`);
  return v.$tensor.data as Float32Array;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The kept fraction per rate against 1 − rate, captioned with the smallest p-value's test. */
function keptChart(rows: { rate: number; kept: number; n: number; p: number }[], alpha: number): BarChart {
  const worst = rows.reduce((a, r) => (r.p < a.p ? r : a), rows[0]!);
  return {
    kind: 'bars',
    name: 'dropout-kept-fraction',
    title: 'dropout: units kept, per rate',
    caption: `${testCaption(`binomial test at rate ${worst.rate}`, worst.n, worst.p, alpha)}; the smallest p of ${rows.length} rate(s)`,
    xLabel: 'rate',
    yLabel: 'fraction of units kept',
    categories: rows.map((r) => String(r.rate)),
    series: [
      { label: 'your dropout', role: 'student', values: rows.map((r) => r.kept / r.n) },
      { label: 'expected 1 − rate', role: 'reference', values: rows.map((r) => 1 - r.rate) },
    ],
  };
}

/** P(k of n) under Binomial(n, q), k = 0 … n. */
function binomialPmf(n: number, q: number): number[] {
  const pmf: number[] = [];
  let c = 1; // C(n, k)
  for (let k = 0; k <= n; k++) {
    pmf.push(c * q ** k * (1 - q) ** (n - k));
    c = (c * (n - k)) / (k + 1);
  }
  return pmf;
}

/**
 * The spread of per-row (or per-column) kept counts, each Binomial(m, q) when units are dropped
 * independently: D = Σ (k − mq)² / (mq(1 − q)) is then about χ² with one degree of freedom per
 * count (each term has mean 1 exactly; its variance is 2 − (1 − 6q(1 − q))/(mq(1 − q)), a hair
 * under χ²'s 2, so the test is slightly conservative). Two-sided: too much spread means units
 * kept or dropped together, too little a fixed number kept per row.
 */
function dispersion(counts: Float32Array, m: number, q: number): { d: number; p: number; tooMuch: boolean } {
  let d = 0;
  for (const k of counts) d += (k - m * q) ** 2 / (m * q * (1 - q));
  const upper = chiSquareSurvival(d, counts.length);
  return { d, p: Math.min(1, 2 * Math.min(upper, 1 - upper)), tooMuch: upper < 0.5 };
}

/** The number kept per call against Binomial(units, 1 − rate). */
function perCallChart(hist: number[], pmf: number[], calls: number, caption: string): BarChart {
  return {
    kind: 'bars',
    name: 'dropout-kept-per-call',
    title: 'dropout: units kept per call',
    caption,
    xLabel: `units kept of ${pmf.length - 1}`,
    yLabel: 'fraction of calls',
    categories: pmf.map((_, k) => String(k)),
    series: [
      { label: 'your dropout', role: 'student', values: pmf.map((_, k) => hist[k]! / calls) },
      { label: 'exact Binomial', role: 'reference', values: pmf },
    ],
  };
}

export const judges: JudgeTable = {
  /**
   * Per rate: the number of kept units (x is all ones) is Binomial(n, 1 − rate); two-sided
   * test at α/(number of rates). Kept units must equal 1/(1 − rate).
   */
  keptFraction({ cases, values, alpha }): Judgement {
    const lines: string[] = [];
    const rows: { rate: number; kept: number; n: number; p: number }[] = [];
    for (let i = 0; i < cases.length; i++) {
      const rate = cases[i]!.args[1] as number;
      const y = data(values[i], `dropout's output for ${cases[i]!.label}`);
      const scale = 1 / (1 - rate);
      const kept = y.reduce((n, v) => (v !== 0 ? n + 1 : n), 0);
      const p = binomialTwoSidedP(kept, y.length, 1 - rate);
      const ok = p >= alpha / cases.length;
      rows.push({ rate, kept, n: y.length, p });
      lines.push(`${cases[i]!.label}: kept ${kept} of ${y.length} units (${pct(kept / y.length)}; expected ${pct(1 - rate)}), p = ${p.toPrecision(2)} ${oddsNote('two-sided binomial test', y.length, 'units', alpha / cases.length)}${ok ? '' : ' — far too unlikely for a correct dropout'}`);
      if (!ok) {
        const swapped = Math.abs(kept / y.length - rate) < 0.02;
        return { passed: false, message: lines.join('; '), hint: swapped ? 'you keep units with probability `rate`; rate is the probability to drop a unit' : undefined, images: [keptChart(rows, alpha / cases.length)] };
      }
      const wrong = y.find((v) => v !== 0 && Math.abs(v - scale) > 1e-5 * scale);
      if (wrong !== undefined) {
        const hint = Math.abs(wrong - 1) < 1e-6 ? 'scale the kept units by 1/(1 − rate) (inverted dropout), so that E[y] = x' : Math.abs(wrong - 1 / rate) < 1e-4 / rate ? 'the scale is 1/(1 − rate), the inverse of the KEEP probability, not 1/rate' : undefined;
        return { passed: false, message: `${cases[i]!.label}: a kept unit of x = 1 came out as ${wrong}, expected 1/(1 − rate) = ${scale.toPrecision(6)}`, hint, images: [keptChart(rows, alpha / cases.length)] };
      }
    }
    return { passed: true, message: lines.join('; '), images: rows.length > 0 ? [keptChart(rows, alpha / cases.length)] : undefined };
  },

  /**
   * Units dropped independently, one by one: the number kept per call on a few units must
   * spread like Binomial(units, 1 − rate) over many calls (χ² goodness of fit: a fixed count
   * of drops, e.g. a shuffled index list cut at rate·n, fails however right its mean), and in
   * one call on a grid the rows' and the columns' counts must spread like binomials (a mask
   * shared along an axis, or a fixed count per row, fails). Three tests share α.
   */
  independentDrops({ cases, values, alpha }): Judgement {
    const [units, calls, rate, rows, cols, gridRate] = cases[0]!.args as number[];
    const v = values[0] as Record<string, Wire>;
    const perCall = data(v.keptPerCall, 'the kept counts per call');
    const a = alpha / 3;
    const q = 1 - rate!;
    const pmf = binomialPmf(units!, q);
    const hist = new Array<number>(units! + 2).fill(0);
    for (const k of perCall) hist[Number.isInteger(k) && k >= 0 && k <= units! ? k : units! + 1]++;
    const r = chiSquareTest(hist, [...pmf, 0], (k) => (k <= units! ? `calls keeping ${k} of ${units}` : 'calls keeping another number'));
    const head = `${calls} calls on ${units} units at rate ${rate}: χ² = ${r.stat.toFixed(1)} on ${r.df} df, p = ${r.p.toPrecision(2)} ${oddsNote('χ² test of the number kept per call against Binomial', calls!, 'calls', a)}`;
    const images = [perCallChart(hist, pmf, calls!, testCaption(`χ² test against Binomial(${units}, ${q.toFixed(1)})`, calls!, r.p, a))];
    // The grid first: a mask shared along an axis gets the hint that names the axis (the more decisive of the two axes).
    const axes = ([['row', data(v.keptPerRow, 'the kept counts per row'), cols!], ['column', data(v.keptPerColumn, 'the kept counts per column'), rows!]] as const).map(([what, counts, m]) => {
      const g = dispersion(counts, m, 1 - gridRate!);
      const line = `the ${counts.length} ${what}s of ones [${rows}, ${cols}] at rate ${gridRate}: Σ(k − ${m}·${1 - gridRate!})²/var = ${g.d.toFixed(1)} on ${counts.length} df, p = ${g.p.toPrecision(2)} ${oddsNote(`two-sided χ² test of the spread of the kept counts per ${what}`, counts.length, `${what}s`, a)}`;
      return { what, g, line };
    });
    const worst = axes.reduce((x, y) => (y.g.p < x.g.p ? y : x));
    if (worst.g.p < a) {
      const { what, g, line } = worst;
      return {
        passed: false,
        message: `${line}: the counts spread ${g.tooMuch ? 'far more' : 'far less'} than a binomial's from one ${what} to the next`,
        hint: g.tooMuch
          ? `the units of one ${what} are kept or dropped together: draw the mask with x's full shape (one uniform per unit), not a shape that broadcasts along an axis`
          : `every ${what} keeps nearly the same number of units: drop each unit on its own coin flip, not a fixed number per ${what}`,
        images,
      };
    }
    const lines = axes.map((x) => x.line);
    if (r.p < a) {
      const same = hist.findIndex((h) => h === calls);
      return {
        passed: false,
        message: `${head}: the number of units a call keeps should vary like Binomial(${units}, ${q.toFixed(1)}); ${describeCells(r.worst)}`,
        hint: same >= 0
          ? `every call kept exactly ${same} of the ${units} units: drop each unit on its own coin flip (a uniform per unit, kept when u ≥ rate), not a fixed number of units`
          : 'drop each unit on its own coin flip (a uniform per unit, kept when u ≥ rate), independently of the others',
        images,
      };
    }
    lines.push(head);
    return { passed: true, message: `${lines.join('; ')}; p ≥ ${a.toExponential(1)} each passes`, images };
  },

  /** training = false: exactly the input, whatever the rate. */
  identityAtEvaluation({ cases, values }): Judgement {
    for (let i = 0; i < cases.length; i++) {
      const m = compareWire(cases[i]!.args[0]! as WireTensor, values[i], { rtol: 0, atol: 0 });
      if (m) return { passed: false, message: `${cases[i]!.label}: should return x unchanged: ${m.message}` };
    }
    return { passed: true, message: 'returns x unchanged when not training' };
  },

  /** The same seed gives the same mask; another seed another one. */
  sameSeedSameMask: sameSeedJudge('mask', 'pass the seed to the random op'),

  /** dL/dx = dy/(1 − rate) where the unit was kept, 0 where dropped (x has no zeros). */
  gradientThroughKept({ cases, values }): Judgement {
    for (let i = 0; i < cases.length; i++) {
      const rate = cases[i]!.args[1] as number;
      const v = values[i] as Record<string, Wire>;
      const y = data(v.y, 'y');
      const dy = data(v.dy, 'dy');
      const expected = Float32Array.from(y, (yi, j) => (yi !== 0 ? dy[j]! / (1 - rate) : 0));
      const g = v.grad as WireTensor;
      const m = compareWire({ $tensor: { shape: g.$tensor.shape, dtype: 'float32', data: expected } }, g, { rtol: 1e-5, atol: 1e-6 });
      if (m) return { passed: false, message: `${cases[i]!.label}: the gradient should be dy/(1 − rate) on kept units and 0 on dropped ones: ${m.message}` };
    }
    return { passed: true, message: 'gradients flow through kept units only, scaled by 1/(1 − rate)' };
  },
};
