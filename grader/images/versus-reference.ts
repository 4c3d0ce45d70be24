import type { LineChart, LineSeries, PanelsChart } from './chart-types.ts';
import type { CurveSeries } from './learning-curve.ts';

/** One measure over a run (a loss per step, a KL per β): the student's, the reference's where known, and a bar. */
export interface VersusPanel {
  yLabel: string;
  student?: CurveSeries;
  reference?: CurveSeries;
  /** The check's bar on this measure, drawn as a red dashed line. */
  bar?: { y: number; label: string };
}

interface VersusOptions {
  name: string;
  title: string;
  caption: string;
  /** What x counts: "step", "β". */
  xLabel: string;
  studentLabel?: string;
  referenceLabel?: string;
}

const has = (s: CurveSeries | undefined): s is CurveSeries => s !== undefined && s.y.length > 0 && s.x.length === s.y.length;

/** One panel: the student's series (blue) over the reference's (orange), the bar. Undefined when neither has a point. */
function panel(o: VersusOptions, p: VersusPanel, title: string | undefined): LineChart | undefined {
  const series: LineSeries[] = [];
  if (has(p.student)) series.push({ label: o.studentLabel ?? 'yours', role: 'student', x: p.student.x, y: p.student.y });
  if (has(p.reference)) series.push({ label: o.referenceLabel ?? 'reference (same seed, budget)', role: 'reference', x: p.reference.x, y: p.reference.y });
  if (series.length === 0) return undefined;
  return { kind: 'line', name: `${o.name}-${p.yLabel}`, caption: '', title, xLabel: o.xLabel, yLabel: p.yLabel, series, hlines: p.bar ? [{ ...p.bar, role: 'bar' }] : undefined };
}

/** A single measure, the student's against the reference's: a line chart with the caption under it. */
export function versusReferenceChart(o: VersusOptions & VersusPanel): LineChart | undefined {
  const c = panel(o, o, o.title);
  return c && { ...c, name: o.name, caption: o.caption };
}

/**
 * Several measures of one run stacked (the GAN's discriminator loss above its generator loss),
 * each the student's against the reference's; a measure with no data is left out. Undefined
 * when none has any.
 */
export function versusReferencePanels(o: VersusOptions & { panels: VersusPanel[] }): PanelsChart | LineChart | undefined {
  const panels = o.panels.map((p) => panel(o, p, undefined)).filter((p): p is LineChart => p !== undefined);
  if (panels.length === 0) return undefined;
  panels[0]!.title = o.title;
  if (panels.length === 1) return { ...panels[0]!, name: o.name, caption: o.caption };
  return { kind: 'panels', name: o.name, caption: o.caption, panels };
}
