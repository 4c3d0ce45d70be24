import type { BarChart, Chart, Density2dChart, HistogramChart, LineChart, PanelsChart, TraceChart } from './chart-types.ts';
import { textWidth } from './font.ts';
import { colourOf, coloursOf, COLOURS, finiteRange, formatValue, PlotFrame } from './plot-frame.ts';
import { Canvas, LINE_HEIGHT, wrapText, type Rgb } from './raster.ts';

/** Every chart's width in pixels; the plot box's height below. Small enough for a report thumbnail. */
export const CHART_WIDTH = 480;
const PLOT_HEIGHT = 220;
const DASH = [5, 4] as const;

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
const WHITE: Rgb = [255, 255, 255];
/** Bar whiskers: black, so that they show on the student's blue, the reference's orange and white alike. */
export const WHISKER: Rgb = [0, 0, 0];

/** Curves (student vs reference) over epochs or steps, the bar as a dashed horizontal line, a legend. */
export function lineChartPng(ch: LineChart): Buffer {
  return lineChartCanvas(ch).encode();
}

function lineChartCanvas(ch: LineChart): Canvas {
  const xs = ch.series.map((s) => s.x ?? Array.from({ length: s.y.length }, (_, i) => i + 1));
  const hl = ch.hlines ?? [];
  const xr = finiteRange(...xs) ?? { lo: 0, hi: 1 };
  const yr = finiteRange(...ch.series.map((s) => s.y), hl.map((h) => h.y)) ?? { lo: 0, hi: 1 };
  const integerX = xs.every((x) => Array.from(x).every((v) => !Number.isFinite(v) || Number.isInteger(v)));
  const f = new PlotFrame({ width: CHART_WIDTH, plotHeight: PLOT_HEIGHT, title: ch.title, xLabel: ch.xLabel, yLabel: ch.yLabel, caption: ch.caption, x: xr, y: yr, integerX });
  const c = f.canvas;
  const hlColours = hl.map((h) => colourOf(h.role ?? 'bar'));
  hl.forEach((h, i) => c.line(f.left + 1, f.py(h.y), f.right - 1, f.py(h.y), hlColours[i]!, 1, DASH));
  const colours = coloursOf(ch.series.map((s) => s.role));
  // The first series is drawn last, on top: the student's curve stays visible where it equals the reference's.
  [...ch.series.entries()].reverse().forEach(([k, s]) => {
    const x = xs[k]!;
    const marks = s.y.length <= 60;
    for (let i = 0; i < s.y.length; i++) {
      const [x1, y1] = [f.px(x[i]!), f.py(s.y[i]!)];
      if (i > 0) c.line(f.px(x[i - 1]!), f.py(s.y[i - 1]!), x1, y1, colours[k]!, 2, s.dashed ? DASH : undefined);
      if (marks && Number.isFinite(s.y[i]!)) c.rect(x1 - 2, y1 - 2, x1 + 2, y1 + 2, colours[k]!);
    }
  });
  f.border();
  f.legend([...ch.series.map((s, k) => ({ label: s.label, colour: colours[k]!, dashed: s.dashed })), ...hl.map((h, i) => ({ label: h.label, colour: hlColours[i]!, dashed: true }))]);
  return c;
}

/** Values per category (probabilities per discrete state), the series' bars side by side in each slot, from 0 up or down. */
export function barChartPng(ch: BarChart): Buffer {
  const n = ch.categories.length;
  const range = finiteRange(...ch.series.flatMap((s) => [s.values, ...(s.whiskers ? [s.whiskers.lo, s.whiskers.hi] : [])])) ?? { lo: 0, hi: 1 };
  const [bottom, top] = [Math.min(0, range.lo), Math.max(0, range.hi)];
  // Every k-th label, so that neighbouring labels never overlap (the plot box is about width − 70 px).
  const slotPx = (CHART_WIDTH - 70) / Math.max(1, n);
  const every = Math.max(1, Math.ceil((Math.max(0, ...ch.categories.map(textWidth)) + 6) / slotPx));
  const xCategories = ch.categories.map((label, i) => [i, label] as [number, string]).filter(([i]) => i % every === 0);
  const f = new PlotFrame({ width: CHART_WIDTH, plotHeight: PLOT_HEIGHT, title: ch.title, xLabel: ch.xLabel, yLabel: ch.yLabel, caption: ch.caption, x: { lo: -0.5, hi: n - 0.5 }, y: { lo: bottom, hi: top > bottom ? top : bottom + 1e-9 }, xCategories });
  const c = f.canvas;
  const colours = coloursOf(ch.series.map((s) => s.role));
  const slot = 0.8 / Math.max(1, ch.series.length);
  for (let i = 0; i < n; i++) {
    ch.series.forEach((s, k) => {
      const v = s.values[i]!;
      if (!Number.isFinite(v) || v === 0) return;
      const x0 = f.px(i - 0.4 + k * slot);
      const x1 = Math.max(x0, f.px(i - 0.4 + (k + 1) * slot) - 1);
      c.rect(x0, f.py(v), x1, f.py(0), colours[k]!);
    });
  }
  // Whiskers after all bars, so that a neighbouring bar never hides them: a vertical line with caps, centred on the series' bar.
  ch.series.forEach((s, k) => {
    const w = s.whiskers;
    if (!w) return;
    for (let i = 0; i < n; i++) {
      const [lo, hi] = [w.lo[i]!, w.hi[i]!];
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) continue;
      const x0 = Math.round(f.px(i - 0.4 + k * slot));
      const x1 = Math.max(x0, Math.round(f.px(i - 0.4 + (k + 1) * slot)) - 1);
      const xm = Math.round((x0 + x1) / 2);
      const cap = Math.max(2, Math.round((x1 - x0) / 4));
      c.line(xm, f.py(lo), xm, f.py(hi), WHISKER, 2);
      for (const y of [lo, hi]) c.line(xm - cap, f.py(y), xm + cap, f.py(y), WHISKER, 2);
    }
  });
  f.border();
  f.legend([
    ...ch.series.map((s, k) => ({ label: s.label, colour: colours[k]!, block: true })),
    ...ch.series.flatMap((s) => (s.whiskers?.label ? [{ label: s.whiskers.label, colour: WHISKER }] : [])),
  ]);
  return c.encode();
}

/** Quantile q of the finite values (sorted copy). */
function quantile(values: ArrayLike<number>, q: number): number | undefined {
  const v = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  return v.length === 0 ? undefined : v[Math.min(v.length - 1, Math.max(0, Math.round(q * (v.length - 1))))];
}

/** Samples as a density histogram (area 1), the exact density curves over it. */
export function histogramPng(ch: HistogramChart): { png: Buffer; outside: number } {
  const bins = Math.max(1, Math.min(200, ch.bins ?? 40));
  let range = ch.range;
  if (!range) {
    const fromCurves = finiteRange(...ch.curves.map((k) => k.x));
    const qlo = quantile(ch.samples, 0.005);
    const qhi = quantile(ch.samples, 0.995);
    const lo = Math.min(fromCurves?.lo ?? Infinity, qlo ?? Infinity);
    const hi = Math.max(fromCurves?.hi ?? -Infinity, qhi ?? -Infinity);
    range = lo < hi ? [lo, hi] : [lo - 1, lo + 1];
    if (!Number.isFinite(range[0]) || !Number.isFinite(range[1])) range = [0, 1];
  }
  const [lo, hi] = range;
  const w = (hi - lo) / bins;
  const counts = new Float64Array(bins);
  let outside = 0;
  let inside = 0;
  for (let i = 0; i < ch.samples.length; i++) {
    const v = ch.samples[i]!;
    if (!(v >= lo && v <= hi)) {
      outside++;
      continue;
    }
    counts[Math.min(bins - 1, Math.floor((v - lo) / w))]!++;
    inside++;
  }
  // Density over all samples, so a histogram with samples outside the range has less area, as it should.
  const dens = Array.from(counts, (k) => (ch.samples.length > 0 ? k / (ch.samples.length * w) : 0));
  const yr = finiteRange(dens, ...ch.curves.map((k) => k.y)) ?? { lo: 0, hi: 1 };
  const caption = outside > 0 ? `${ch.caption} (${outside} of ${inside + outside} samples outside [${formatValue(lo)}, ${formatValue(hi)}] not drawn)` : ch.caption;
  const f = new PlotFrame({ width: CHART_WIDTH, plotHeight: PLOT_HEIGHT, title: ch.title, xLabel: ch.xLabel, yLabel: 'density', caption, x: { lo, hi }, y: { lo: 0, hi: Math.max(yr.hi, 1e-9) } });
  const c = f.canvas;
  const fill = mix(COLOURS.student, WHITE, 0.55);
  dens.forEach((d, b) => {
    if (d <= 0) return;
    const x0 = f.px(lo + b * w);
    const x1 = f.px(lo + (b + 1) * w);
    c.rect(x0, f.py(d), x1, f.py(0), fill);
    c.frame(x0, f.py(d), x1, f.py(0), COLOURS.student);
  });
  const colours = coloursOf(ch.curves.map((k) => k.role));
  ch.curves.forEach((k, j) => {
    for (let i = 1; i < k.x.length; i++) c.line(f.px(k.x[i - 1]!), f.py(k.y[i - 1]!), f.px(k.x[i]!), f.py(k.y[i]!), colours[j]!, 2);
  });
  f.border();
  f.legend([{ label: ch.samplesLabel, colour: fill, block: true }, ...ch.curves.map((k, j) => ({ label: k.label, colour: colours[j]! }))]);
  return { png: c.encode(), outside };
}

/** Chains' values per step; each pixel column draws the range the chain covered there (an envelope for long chains). */
export function tracePng(ch: TraceChart): Buffer {
  const len = Math.max(1, ...ch.chains.map((x) => x.length));
  const yr = finiteRange(...ch.chains, ch.target ? [ch.target.y] : []) ?? { lo: 0, hi: 1 };
  const f = new PlotFrame({ width: CHART_WIDTH, plotHeight: PLOT_HEIGHT, title: ch.title, xLabel: ch.xLabel, yLabel: ch.yLabel, caption: ch.caption, x: { lo: 0, hi: len - 1 }, y: yr });
  const c = f.canvas;
  const colours = ch.chains.map((_, k) => (k === 0 ? COLOURS.student : colourOf('other', k - 1)));
  ch.chains.forEach((chain, k) => {
    let prev: [number, number] | undefined;
    let col = -1;
    let mn = Infinity;
    let mx = -Infinity;
    let last = NaN;
    const flush = () => {
      if (col < 0 || mn > mx) return;
      c.line(col, f.py(mn), col, f.py(mx), colours[k]!);
      if (prev) c.line(prev[0], prev[1], col, f.py(last), colours[k]!);
      prev = [col, f.py(last)];
    };
    for (let i = 0; i < chain.length; i++) {
      const v = chain[i]!;
      const p = Math.round(f.px(i));
      if (p !== col) {
        flush();
        [col, mn, mx] = [p, Infinity, -Infinity];
      }
      if (!Number.isFinite(v)) continue;
      mn = Math.min(mn, v);
      mx = Math.max(mx, v);
      last = v;
    }
    flush();
  });
  if (ch.target) c.line(f.left + 1, f.py(ch.target.y), f.right - 1, f.py(ch.target.y), COLOURS.reference, 2, DASH);
  f.border();
  f.legend([...ch.chains.map((_, k) => ({ label: ch.chainLabels?.[k] ?? (ch.chains.length === 1 ? 'chain' : `chain ${k + 1}`), colour: colours[k]! })).slice(0, 6), ...(ch.target ? [{ label: ch.target.label, colour: COLOURS.reference as Rgb, dashed: true }] : [])]);
  return c.encode();
}

/** A density on a grid as a heat map (white to dark, square-root scale so thin tails show), points over it. */
export function density2dPng(ch: Density2dChart): Buffer {
  const f = new PlotFrame({ width: CHART_WIDTH, plotHeight: 300, title: ch.title, caption: ch.caption, x: { lo: ch.xRange[0], hi: ch.xRange[1] }, y: { lo: ch.yRange[0], hi: ch.yRange[1] } });
  const c = f.canvas;
  // The frame widens the ranges to round ticks: map pixels back through the same transform.
  const xAt = (px: number) => ch.xRange[0] + ((px - f.px(ch.xRange[0])) / (f.px(ch.xRange[1]) - f.px(ch.xRange[0]))) * (ch.xRange[1] - ch.xRange[0]);
  const yAt = (py: number) => ch.yRange[0] + ((py - f.py(ch.yRange[0])) / (f.py(ch.yRange[1]) - f.py(ch.yRange[0]))) * (ch.yRange[1] - ch.yRange[0]);
  const d = ch.density;
  if (d && d.nx > 0 && d.ny > 0 && d.values.length === d.nx * d.ny) {
    const max = finiteRange(d.values)?.hi ?? 0;
    const dark: Rgb = [8, 48, 107];
    for (let py = f.top + 1; py < f.bottom; py++) {
      for (let px = f.left + 1; px < f.right; px++) {
        const gx = Math.floor(((xAt(px) - ch.xRange[0]) / (ch.xRange[1] - ch.xRange[0])) * d.nx);
        const gy = Math.floor(((yAt(py) - ch.yRange[0]) / (ch.yRange[1] - ch.yRange[0])) * d.ny);
        if (gx < 0 || gy < 0 || gx >= d.nx || gy >= d.ny) continue;
        const v = d.values[gy * d.nx + gx]!;
        if (!(v > 0) || !(max > 0)) continue;
        c.set(px, py, mix(WHITE, dark, Math.sqrt(Math.min(1, v / max))));
      }
    }
  }
  const roles = (ch.points ?? []).map((p) => p.role);
  const colours = coloursOf(roles);
  (ch.points ?? []).forEach((p, k) => {
    for (let i = 0; i + 1 < p.xy.length; i += 2) {
      const [x, y] = [p.xy[i]!, p.xy[i + 1]!];
      if (!(x >= ch.xRange[0] && x <= ch.xRange[1] && y >= ch.yRange[0] && y <= ch.yRange[1])) continue;
      const [cx, cy] = [Math.round(f.px(x)), Math.round(f.py(y))];
      c.rect(cx, cy, cx + 1, cy + 1, colours[k]!);
    }
  });
  f.border();
  f.legend([...(d ? [{ label: d.label, colour: [8, 48, 107] as Rgb, block: true }] : []), ...(ch.points ?? []).map((p, k) => ({ label: p.label, colour: colours[k]!, block: true }))]);
  return c.encode();
}

/** Line charts stacked top to bottom (a learning curve's loss over its held-out score), the caption under all. */
export function panelsPng(ch: PanelsChart): Buffer {
  const parts = ch.panels.map(lineChartCanvas);
  const caption = wrapText(ch.caption, CHART_WIDTH - 16);
  const height = parts.reduce((a, p) => a + p.height, 0) + (caption.length > 0 ? caption.length * LINE_HEIGHT + 8 : 0);
  const out = new Canvas(CHART_WIDTH, Math.max(1, height));
  let y0 = 0;
  for (const p of parts) {
    for (let y = 0; y < p.height; y++) p.data.copy(out.data, 4 * (y0 + y) * CHART_WIDTH, 4 * y * p.width, 4 * (y + 1) * p.width);
    y0 += p.height;
  }
  for (const [i, line] of caption.entries()) out.text(line, 8, y0 + 4 + i * LINE_HEIGHT, COLOURS.text);
  return out.encode();
}

/** Any chart to PNG, with the caption the result should carry (a histogram says what it left out). */
export function chartPng(ch: Chart): { png: Buffer; caption: string } {
  switch (ch.kind) {
    case 'line':
      return { png: lineChartPng(ch), caption: ch.caption };
    case 'bars':
      return { png: barChartPng(ch), caption: ch.caption };
    case 'histogram': {
      const h = histogramPng(ch);
      return { png: h.png, caption: h.outside > 0 ? `${ch.caption} (${h.outside} samples outside the plotted range not drawn)` : ch.caption };
    }
    case 'trace':
      return { png: tracePng(ch), caption: ch.caption };
    case 'density2d':
      return { png: density2dPng(ch), caption: ch.caption };
    case 'panels':
      return { png: panelsPng(ch), caption: ch.caption };
  }
}
