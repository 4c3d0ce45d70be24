import type { LineChart, LineSeries, PanelsChart } from './chart-types.ts';
import { formatValue } from './plot-frame.ts';

/** One measured series: y at each x (an epoch, or a step every k steps). */
export interface CurveSeries {
  x: number[];
  y: number[];
}

/**
 * The steps at which a training task logged its loss, for `count` values: the tasks (the VAE
 * family's loop, the GAN's) log at every 100th step from 0 and at the last step of `steps`.
 */
export function stepsOfLoggedLoss(count: number, steps: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.min(i * 100, Math.max(0, steps - 1)));
}

/** What one training recorded, per epoch or per k steps: its training loss and its held-out score. */
export interface TrainingCurves {
  unit: string;
  /** The training loss (lower is better). */
  loss?: CurveSeries;
  /** The held-out score the check judges (test accuracy, ELBO, NLL). */
  heldOut?: CurveSeries;
  /** How many held-out examples each point of `heldOut` is measured on. */
  heldOutCount?: number;
}

export interface HeldOutSpec {
  /** e.g. "test accuracy", "held-out NLL (nats)". */
  label: string;
  higherIsBetter: boolean;
  /** The check's bar on the final held-out score, drawn as a line. */
  bar?: number;
  barLabel?: string;
}

const fmt = formatValue;

/**
 * A learning curve's picture: the training loss (student and reference, and a bar when the
 * check's measure is a loss, e.g. an NLL) above the held-out score (student, reference and the
 * bar), on one PNG; a panel without data is left out.
 */
export function learningCurveChart(o: { name: string; title: string; caption: string; student: TrainingCurves; reference?: TrainingCurves; heldOut?: HeldOutSpec; lossLabel?: string; lossBar?: { y: number; label: string } }): PanelsChart {
  const unit = o.student.unit;
  const panel = (pick: (c: TrainingCurves) => CurveSeries | undefined, yLabel: string, title: string, extra: Partial<LineChart> = {}): LineChart | undefined => {
    const series: LineSeries[] = [];
    const mine = pick(o.student);
    if (mine && mine.y.length > 0) series.push({ label: 'your training', role: 'student', x: mine.x, y: mine.y });
    const ref = o.reference && pick(o.reference);
    if (ref && ref.y.length > 0) series.push({ label: 'reference (same seed, budget)', role: 'reference', x: ref.x, y: ref.y });
    if (series.length === 0) return undefined;
    return { kind: 'line', name: `${o.name}-${yLabel}`, caption: '', title, xLabel: unit, yLabel, series, ...extra };
  };
  const panels = [
    panel((c) => c.loss, o.lossLabel ?? 'training loss', o.title, o.lossBar ? { hlines: [{ ...o.lossBar, role: 'bar' }] } : {}),
    o.heldOut && panel((c) => c.heldOut, o.heldOut.label, '', o.heldOut.bar !== undefined ? { hlines: [{ label: o.heldOut.barLabel ?? `bar ${fmt(o.heldOut.bar)}`, y: o.heldOut.bar, role: 'bar' }] } : {}),
  ].filter((p): p is LineChart => p !== undefined);
  if (panels.length > 1) panels[1]!.title = undefined;
  return { kind: 'panels', name: o.name, caption: o.caption, panels };
}

/** Index of the smallest finite value (−1 when none is finite). */
function argmin(y: number[]): number {
  let k = -1;
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i]!) && (k < 0 || y[i]! < y[k]!)) k = i;
  return k;
}

/**
 * The training loss's curve in words, when a rule can tell what it shows (undefined when none
 * can): diverged to NaN/Inf, rose from the start, never fell, fell then rose, jumps up and down,
 * or fell but stayed far above the reference's. Each names the epoch (or step) and the values,
 * and the usual cause. Only ever added to a message: a verdict never depends on it.
 */
export function describeLossCurve(student: TrainingCurves, reference?: TrainingCurves): string | undefined {
  const c = student.loss;
  if (!c || c.y.length < 2) return undefined;
  const { x, y } = c;
  const unit = student.unit;
  const n = y.length;
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    const what = Number.isNaN(y[bad]) ? 'NaN' : 'infinite';
    return `the training loss became ${what} at ${unit} ${x[bad]}: the training diverged — try a smaller learning rate, and look for a log of 0 or a division by 0 in the loss`;
  }
  const first = y[0]!;
  const last = y[n - 1]!;
  const k = argmin(y);
  const min = y[k]!;
  const scale = Math.max(Math.abs(first), 1e-8);
  if (k === 0 && last > first + 0.05 * scale) {
    return `the training loss rose from the start (${fmt(first)} → ${fmt(last)} over ${n} ${unit}s) and never went below its first value: the updates go uphill — check the gradient's sign (w − lr·g, not w + lr·g)`;
  }
  if (first - min < 0.01 * scale) {
    return `the training loss never fell (${fmt(first)} → ${fmt(last)} over ${n} ${unit}s): the weights are not learning — check the gradient's sign, that the update is applied to the weights, and that the learning rate reaches the optimizer`;
  }
  const drop = first - min;
  if (k < n - 1 && last - min > 0.2 * drop && last - min > 0.02 * scale) {
    return `the training loss fell until ${unit} ${x[k]} (${fmt(min)}), then rose to ${fmt(last)}: try a smaller learning rate`;
  }
  const diffs = y.slice(1).map((v, i) => v - y[i]!);
  const rises = diffs.filter((d) => d > 0.05 * drop).length;
  if (n >= 5 && rises >= Math.ceil((n - 1) / 3)) {
    return `the training loss jumps up and down (it rose in ${rises} of ${n - 1} ${unit}s): try a smaller learning rate`;
  }
  const ref = reference?.loss;
  if (ref && ref.y.length >= 2 && ref.y.every(Number.isFinite)) {
    const r0 = ref.y[0]!;
    const rLast = ref.y[ref.y.length - 1]!;
    const refDrop = r0 - rLast;
    if (refDrop > 0 && last - rLast > 0.5 * refDrop) {
      const stillFalling = y[n - 2]! - last > 0.03 * Math.max(Math.abs(last), 1e-8);
      return stillFalling
        ? `the training loss was still falling at the end but stayed well above the reference's (${fmt(last)} against ${fmt(rLast)}): it learns too slowly — check the learning rate and the scale of the update (a gradient divided twice by the batch size, a missing bias correction)`
        : `the training loss levelled off at ${fmt(last)}, well above the reference's ${fmt(rLast)}: the model stopped learning early — dead ReLUs, saturated units or a too-small initialisation can do this`;
    }
  }
  return undefined;
}
