import type { SeriesRole } from './chart-types.ts';
import { textWidth } from './font.ts';
import { Canvas, LINE_HEIGHT, wrapText, type Rgb } from './raster.ts';

/** Colours by role (the student blue, the reference orange, the bar red), then a palette for more. */
export const COLOURS = {
  student: [31, 119, 180],
  reference: [255, 127, 14],
  bar: [214, 39, 40],
  text: [40, 40, 40],
  axis: [110, 110, 110],
  grid: [232, 232, 232],
} as const satisfies Record<string, Rgb>;
const PALETTE: Rgb[] = [[44, 160, 44], [148, 103, 189], [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207]];

/** A series' colour: by role, and `other` series by their index among the others. */
export function colourOf(role: SeriesRole, otherIndex = 0): Rgb {
  return role === 'other' ? PALETTE[otherIndex % PALETTE.length]! : COLOURS[role];
}

/** Colours for a list of roles, the `other`s taking successive palette entries. */
export function coloursOf(roles: SeriesRole[]): Rgb[] {
  let k = 0;
  return roles.map((r) => colourOf(r, r === 'other' ? k++ : 0));
}

/** About `target` round tick values (1, 2 or 5 × 10^k apart) covering [lo, hi], and the widened range. */
export function niceTicks(lo: number, hi: number, target = 5, minStep = 0): { lo: number; hi: number; ticks: number[]; step: number } {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) [lo, hi] = [0, 1];
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(lo))) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    [lo, hi] = [lo - pad, hi + pad];
  }
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(minStep, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= last + step * 1e-6 && ticks.length < 50; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return { lo: first, hi: last, ticks, step };
}

/** A tick value with as many decimals as its step needs, '−' for minus, thousands as 'k'. */
export function formatTick(v: number, step: number): string {
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  let s: string;
  if (Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-4)) s = v.toExponential(1);
  else if (Math.abs(v) >= 1e4 && decimals === 0 && v % 1000 === 0) s = `${v / 1000}k`;
  else s = v.toFixed(decimals);
  return s.replace('-', '−');
}

/** A number in a caption: 3 significant digits, or exponent form when tiny or huge. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return v.toExponential(1);
  return String(+v.toPrecision(3));
}

export interface FrameOptions {
  width: number;
  plotHeight: number;
  title?: string;
  yLabel?: string;
  xLabel?: string;
  caption: string;
  x: { lo: number; hi: number };
  y: { lo: number; hi: number };
  /** Category labels under the x axis instead of numeric ticks: [position, label]. */
  xCategories?: [number, string][];
  /** Numeric ticks on x (default: on). */
  xTicks?: boolean;
  /** x counts whole units (epochs): ticks at least 1 apart. */
  integerX?: boolean;
}

/**
 * A chart's canvas laid out top to bottom: title, y label, the plot box with grid, ticks and
 * their labels, x label, then the caption wrapped to the width. `px`/`py` map data to pixels
 * (y grows upwards); values outside the ranges map outside the box (the canvas clips).
 */
export class PlotFrame {
  readonly canvas: Canvas;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  private readonly xr: { lo: number; hi: number; ticks: number[]; step: number };
  private readonly yr: { lo: number; hi: number; ticks: number[]; step: number };

  constructor(readonly o: FrameOptions) {
    this.xr = o.xCategories ? { ...o.x, ticks: [], step: 1 } : niceTicks(o.x.lo, o.x.hi, 6, o.integerX ? 1 : 0);
    this.yr = niceTicks(o.y.lo, o.y.hi, 5);
    const yLabels = this.yr.ticks.map((t) => formatTick(t, this.yr.step));
    this.left = 8 + Math.max(...yLabels.map(textWidth), 0) + 6;
    this.right = o.width - 12;
    let y = 6;
    const titleY = y;
    const title = o.title ? wrapText(o.title, o.width - 16) : [];
    if (title.length > 0) y += title.length * LINE_HEIGHT + 2;
    const yLabelY = y;
    if (o.yLabel) y += LINE_HEIGHT;
    this.top = y + 4;
    this.bottom = this.top + o.plotHeight;
    const caption = o.caption ? wrapText(o.caption, o.width - 16) : [];
    const below = 4 + LINE_HEIGHT + (o.xLabel ? LINE_HEIGHT + 2 : 0) + 6;
    this.canvas = new Canvas(o.width, this.bottom + below + caption.length * LINE_HEIGHT + 4);
    const c = this.canvas;
    title.forEach((line, i) => c.text(line, o.width / 2, titleY + i * LINE_HEIGHT, COLOURS.text, 'center'));
    if (o.yLabel) c.text(o.yLabel, this.left, yLabelY, COLOURS.text);

    for (const [i, t] of this.yr.ticks.entries()) {
      const py = this.py(t);
      c.rect(this.left, py, this.right, py, COLOURS.grid);
      c.rect(this.left - 3, py, this.left - 1, py, COLOURS.axis);
      c.text(yLabels[i]!, this.left - 5, py - 4, COLOURS.text, 'right');
    }
    if (o.xCategories) {
      for (const [pos, label] of o.xCategories) c.text(label, this.px(pos), this.bottom + 5, COLOURS.text, 'center');
    } else if (o.xTicks !== false) {
      for (const t of this.xr.ticks) {
        const px = this.px(t);
        c.rect(px, this.top, px, this.bottom, COLOURS.grid);
        c.rect(px, this.bottom + 1, px, this.bottom + 3, COLOURS.axis);
        c.text(formatTick(t, this.xr.step), px, this.bottom + 5, COLOURS.text, 'center');
      }
    }
    c.frame(this.left, this.top, this.right, this.bottom, COLOURS.axis);
    let yy = this.bottom + 5 + LINE_HEIGHT;
    if (o.xLabel) {
      c.text(o.xLabel, (this.left + this.right) / 2, yy, COLOURS.text, 'center');
      yy += LINE_HEIGHT + 2;
    }
    yy += 6;
    for (const line of caption) {
      c.text(line, 8, yy, COLOURS.text);
      yy += LINE_HEIGHT;
    }
  }

  px(x: number): number {
    return this.left + 1 + ((x - this.xr.lo) / (this.xr.hi - this.xr.lo)) * (this.right - this.left - 2);
  }

  py(y: number): number {
    return this.bottom - 1 - ((y - this.yr.lo) / (this.yr.hi - this.yr.lo)) * (this.bottom - this.top - 2);
  }

  /** Redraws the box's border (after filling its inside). */
  border(): void {
    this.canvas.frame(this.left, this.top, this.right, this.bottom, COLOURS.axis);
  }

  /** Drawn pixels (neither white nor grid) inside a rectangle: how much a legend there would hide. */
  private inked(x0: number, y0: number, x1: number, y1: number): number {
    const { data, width } = this.canvas;
    let k = 0;
    for (let y = Math.max(0, y0); y <= Math.min(this.canvas.height - 1, y1); y++) {
      for (let x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
        const i = 4 * (y * width + x);
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (!(r === g && g === b && (r === 255 || r === COLOURS.grid[0]))) k++;
      }
    }
    return k;
  }

  /**
   * A legend inside the box, in the corner where it hides the least of what is drawn (top right
   * on a tie): a swatch (line or block) and the label per entry. Call it after drawing the data.
   */
  legend(entries: { label: string; colour: Rgb; dashed?: boolean; block?: boolean }[]): void {
    if (entries.length === 0) return;
    const c = this.canvas;
    const w = Math.max(...entries.map((e) => textWidth(e.label))) + 30;
    const h = entries.length * LINE_HEIGHT + 6;
    const corners = [[this.right - w - 4, this.top + 4], [this.left + 4, this.top + 4], [this.right - w - 4, this.bottom - h - 4], [this.left + 4, this.bottom - h - 4]] as const;
    const cost = corners.map(([x, y]) => this.inked(x, y, x + w, y + h));
    const [x0, y0] = corners[cost.indexOf(Math.min(...cost))]!;
    c.rect(x0, y0, x0 + w, y0 + h, [255, 255, 255]);
    c.frame(x0, y0, x0 + w, y0 + h, COLOURS.grid);
    entries.forEach((e, i) => {
      const y = y0 + 4 + i * LINE_HEIGHT;
      if (e.block) c.rect(x0 + 5, y + 1, x0 + 19, y + 7, e.colour);
      else c.line(x0 + 4, y + 4, x0 + 20, y + 4, e.colour, 2, e.dashed ? [4, 3] : undefined);
      c.text(e.label, x0 + 25, y, COLOURS.text);
    });
  }
}

/** Finite min and max of several arrays (undefined when none is finite). */
export function finiteRange(...arrays: ArrayLike<number>[]): { lo: number; hi: number } | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? { lo, hi } : undefined;
}
