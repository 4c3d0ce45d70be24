import { compareWire } from '../../compare/allclose.ts';
import { isWireTensor, type Wire, type WireTensor } from '../../basics/wire.ts';
import { sameSeedJudge } from '../shared/seeded-draws/judge.ts';
import { binomialTwoSidedP, oddsNote } from '../../judges/stats.ts';
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
