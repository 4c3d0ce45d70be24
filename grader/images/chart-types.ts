/**
 * Charts a judge can ask for, as plain numbers (rendered to PNG in the parent by
 * grader/images/charts.ts). Every chart has a file `name` (letters, digits, '-'), a `caption`
 * (drawn under the plot and kept as the result's caption) and an optional `title`.
 * A series' `role` picks its colour: the student's values are blue, the reference's or the
 * exact target's orange, the bar red, others from a palette.
 */
export type SeriesRole = 'student' | 'reference' | 'bar' | 'other';

interface ChartBase {
  name: string;
  caption: string;
  title?: string;
}

export interface LineSeries {
  label: string;
  role: SeriesRole;
  /** x of each point; 1, 2, 3… (epochs) when absent. */
  x?: ArrayLike<number>;
  /** Non-finite values break the line (a diverged loss). */
  y: ArrayLike<number>;
  dashed?: boolean;
}

/** Curves over a common x (learning curves: loss or accuracy per epoch), with horizontal lines (the bar). */
export interface LineChart extends ChartBase {
  kind: 'line';
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  hlines?: { label: string; y: number; role?: SeriesRole }[];
}

/** Probabilities over discrete states, one bar per series side by side (empirical vs exact). */
export interface BarChart extends ChartBase {
  kind: 'bars';
  xLabel: string;
  yLabel: string;
  categories: string[];
  series: { label: string; role: SeriesRole; values: ArrayLike<number>; whiskers?: BarWhiskers }[];
}

/** An interval per category drawn over a series' bars (a test's acceptance interval around the exact value), with its legend entry when `label` is given. */
export interface BarWhiskers {
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  label?: string;
}

/** A histogram of samples as a density, with density curves over it (the exact one). */
export interface HistogramChart extends ChartBase {
  kind: 'histogram';
  xLabel: string;
  samples: ArrayLike<number>;
  samplesLabel: string;
  bins?: number;
  /** The histogram's x range; from the curves' x and the samples' 0.5–99.5 % quantiles when absent. */
  range?: [number, number];
  curves: { label: string; role: SeriesRole; x: ArrayLike<number>; y: ArrayLike<number> }[];
}

/** Markov chains' values per step, one line per chain, with an optional target line (the exact mean). */
export interface TraceChart extends ChartBase {
  kind: 'trace';
  xLabel: string;
  yLabel: string;
  chains: ArrayLike<number>[];
  /** The legend's name for each chain (default "chain 1", "chain 2"…). */
  chainLabels?: string[];
  target?: { label: string; y: number };
}

/** A density on a grid as a heat map, with points over it (samples, the data set). */
export interface Density2dChart extends ChartBase {
  kind: 'density2d';
  /** [lo, hi] of x and of y. */
  xRange: [number, number];
  yRange: [number, number];
  /** [ny, nx] row-major, row 0 at yRange[0]; densities ≥ 0 (negative or NaN drawn as 0). */
  density?: { nx: number; ny: number; values: ArrayLike<number>; label: string };
  /** [n, 2] row-major (x, y). */
  points?: { xy: ArrayLike<number>; label: string; role: SeriesRole }[];
}

/** Line charts stacked in one picture (a learning curve: the training loss above the held-out score); each panel's caption is drawn under it, `caption` under all. */
export interface PanelsChart extends ChartBase {
  kind: 'panels';
  panels: LineChart[];
}

export type Chart = LineChart | BarChart | HistogramChart | TraceChart | Density2dChart | PanelsChart;
