import type { BarChart, HistogramChart } from './chart-types.ts';

/** At most this many states get a bar of their own; the rest are pooled as "other". */
export const MAX_STATE_BARS = 24;

/**
 * Empirical frequencies against the exact probabilities over discrete states: the states with
 * the largest exact or empirical probability (at most `maxBars`, most probable first), the rest
 * pooled into one "other" bar when they hold any mass.
 */
export function stateChart(o: { name: string; title: string; caption: string; counts: ArrayLike<number>; exact: ArrayLike<number>; stateName: (i: number) => string; xLabel?: string; maxBars?: number; samplesLabel?: string }): BarChart {
  const total = Array.from(o.counts).reduce((a, b) => a + b, 0) || 1;
  const k = o.exact.length;
  const emp = Array.from({ length: k }, (_, i) => (o.counts[i] ?? 0) / total);
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => Math.max(o.exact[b]!, emp[b]!) - Math.max(o.exact[a]!, emp[a]!) || a - b);
  const max = o.maxBars ?? MAX_STATE_BARS;
  const shown = order.slice(0, k > max ? max - 1 : k);
  const rest = order.slice(shown.length);
  const categories = shown.map(o.stateName);
  const mine = shown.map((i) => emp[i]!);
  const exact = shown.map((i) => o.exact[i]!);
  if (rest.length > 0) {
    categories.push(`other ${rest.length}`);
    mine.push(rest.reduce((a, i) => a + emp[i]!, 0));
    exact.push(rest.reduce((a, i) => a + o.exact[i]!, 0));
  }
  return {
    kind: 'bars',
    name: o.name,
    title: o.title,
    caption: o.caption,
    xLabel: o.xLabel ?? 'state (most probable first)',
    yLabel: 'probability',
    categories,
    series: [
      { label: o.samplesLabel ?? 'your samples', role: 'student', values: mine },
      { label: 'exact', role: 'reference', values: exact },
    ],
  };
}

/** A histogram of the student's values with a normal density over it (e.g. an estimator's spread over seeds). */
export function normalHistogram(o: { name: string; title: string; caption: string; samples: ArrayLike<number>; mean: number; sd: number; xLabel: string; samplesLabel: string; curveLabel: string }): HistogramChart {
  const lo = o.mean - 4.5 * o.sd;
  const hi = o.mean + 4.5 * o.sd;
  const x = Array.from({ length: 121 }, (_, i) => lo + ((hi - lo) * i) / 120);
  const y = x.map((v) => Math.exp(-0.5 * ((v - o.mean) / o.sd) ** 2) / (o.sd * Math.sqrt(2 * Math.PI)));
  return { kind: 'histogram', name: o.name, title: o.title, caption: o.caption, xLabel: o.xLabel, samples: o.samples, samplesLabel: o.samplesLabel, curves: [{ label: o.curveLabel, role: 'reference', x, y }] };
}
