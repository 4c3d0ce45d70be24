import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { testCaption } from './caption.ts';
import { barChartPng, CHART_WIDTH, chartPng, density2dPng, histogramPng, lineChartPng, tracePng } from './charts.ts';
import { textWidth } from './font.ts';
import { COLOURS, formatTick, niceTicks } from './plot-frame.ts';
import type { Rgb } from './raster.ts';

/** How many pixels of each colour the PNG holds (exact RGB match). */
function census(buf: Buffer): { png: PNG; count: (c: Rgb) => number; nonWhite: number } {
  const png = PNG.sync.read(buf);
  const counts = new Map<string, number>();
  let nonWhite = 0;
  for (let i = 0; i < png.width * png.height; i++) {
    const key = `${png.data[4 * i]},${png.data[4 * i + 1]},${png.data[4 * i + 2]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (key !== '255,255,255') nonWhite++;
  }
  return { png, count: (c) => counts.get(c.join(',')) ?? 0, nonWhite };
}

/** Pixels of colour `c` within columns [x0, x1) of the PNG. */
function countIn(png: PNG, c: Rgb, x0: number, x1: number): number {
  let k = 0;
  for (let y = 0; y < png.height; y++) for (let x = x0; x < x1; x++) if (png.data[4 * (y * png.width + x)] === c[0] && png.data[4 * (y * png.width + x) + 1] === c[1] && png.data[4 * (y * png.width + x) + 2] === c[2]) k++;
  return k;
}

/** The topmost row holding colour `c` (−1 when absent). */
function topRowOf(png: PNG, c: Rgb): number {
  for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (png.data[4 * (y * png.width + x)] === c[0] && png.data[4 * (y * png.width + x) + 1] === c[1] && png.data[4 * (y * png.width + x) + 2] === c[2]) return y;
  return -1;
}

describe('chart primitives (decoded back with pngjs)', () => {
  it('a line chart draws the student blue, the reference orange and the bar as a red line, the student lower where its values are', () => {
    const buf = lineChartPng({ kind: 'line', name: 'l', caption: 'n = 2', xLabel: 'epoch', yLabel: 'accuracy', series: [{ label: 'you', role: 'student', y: [0.1, 0.2, 0.3] }, { label: 'reference', role: 'reference', y: [0.8, 0.9, 0.95] }], hlines: [{ label: 'bar', y: 0.5 }] });
    const { png, count, nonWhite } = census(buf);
    expect(png.width).toBe(CHART_WIDTH);
    expect(png.height).toBeGreaterThan(250);
    expect(nonWhite).toBeGreaterThan(2000);
    expect(count(COLOURS.student)).toBeGreaterThan(300);
    expect(count(COLOURS.reference)).toBeGreaterThan(300);
    expect(count(COLOURS.bar)).toBeGreaterThan(100);
    // Left of the legend, the reference's pixels lie above the bar's, the student's below.
    const rowsOf = (c: Rgb) => {
      const ys: number[] = [];
      for (let y = 0; y < png.height; y++) for (let x = 60; x < 300; x++) if (png.data[4 * (y * png.width + x)] === c[0] && png.data[4 * (y * png.width + x) + 1] === c[1] && png.data[4 * (y * png.width + x) + 2] === c[2]) ys.push(y);
      return ys;
    };
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(rowsOf(COLOURS.reference))).toBeLessThan(mean(rowsOf(COLOURS.bar)));
    expect(mean(rowsOf(COLOURS.bar))).toBeLessThan(mean(rowsOf(COLOURS.student)));
  });

  it('a line chart survives NaN, Inf and a single point, and still draws the finite part', () => {
    const buf = lineChartPng({ kind: 'line', name: 'l', caption: '', xLabel: 'epoch', yLabel: 'loss', series: [{ label: 'you', role: 'student', y: [2.3, NaN, Infinity, 1e30, 0.5] }, { label: 'ref', role: 'reference', y: [1] }] });
    const { count } = census(buf);
    expect(count(COLOURS.student)).toBeGreaterThan(20);
    expect(count(COLOURS.reference)).toBeGreaterThan(20);
  });

  it('a bar chart over states draws both series, and an empirical bar taller than the exact one is taller in pixels', () => {
    const buf = barChartPng({ kind: 'bars', name: 'b', caption: testCaption('χ² test', 1000, 0.5, 1e-5), xLabel: 'state', yLabel: 'probability', categories: ['00', '01', '10', '11'], series: [{ label: 'yours', role: 'student', values: [0.1, 0.2, 0.3, 0.4] }, { label: 'exact', role: 'reference', values: [0.25, 0.25, 0.25, 0.25] }] });
    const { png, count } = census(buf);
    expect(count(COLOURS.student)).toBeGreaterThan(1000);
    expect(count(COLOURS.reference)).toBeGreaterThan(1000);
    // The last state's slot (right quarter of the box): the student's 0.4 reaches higher than the exact 0.25.
    const x0 = Math.floor(png.width * 0.78);
    expect(countIn(png, COLOURS.student, x0, png.width)).toBeGreaterThan(countIn(png, COLOURS.reference, x0, png.width));
  });

  it('a histogram with a density curve: bars for the samples, the curve in orange, samples outside the range counted', () => {
    const samples = Array.from({ length: 2000 }, (_, i) => Math.sin(i) * 2);
    samples.push(100, -100);
    const x = Array.from({ length: 50 }, (_, i) => -2 + (4 * i) / 49);
    const { png: buf, outside } = histogramPng({ kind: 'histogram', name: 'h', caption: 'c', xLabel: 'x', samples, samplesLabel: 'yours', range: [-2.5, 2.5], curves: [{ label: 'exact', role: 'reference', x, y: x.map(() => 0.25) }] });
    expect(outside).toBe(2);
    const { count } = census(buf);
    expect(count(COLOURS.student)).toBeGreaterThan(200); // the bars' outlines
    expect(count(COLOURS.reference)).toBeGreaterThan(300);
    expect(chartPng({ kind: 'histogram', name: 'h', caption: 'c', xLabel: 'x', samples, samplesLabel: 'yours', range: [-2.5, 2.5], curves: [] }).caption).toBe('c (2 samples outside the plotted range not drawn)');
  });

  it('a trace plot draws each chain in its own colour and the target line', () => {
    const chains = [Array.from({ length: 5000 }, (_, i) => Math.sin(i / 50)), Array.from({ length: 5000 }, (_, i) => Math.cos(i / 70) + 3)];
    const { png, count } = census(tracePng({ kind: 'trace', name: 't', caption: 'c', xLabel: 'step', yLabel: 'x', chains, target: { label: 'exact mean', y: 1.5 } }));
    expect(png.width).toBe(CHART_WIDTH);
    expect(count(COLOURS.student)).toBeGreaterThan(500);
    expect(count([44, 160, 44])).toBeGreaterThan(500); // the second chain: the palette's first colour
    expect(count(COLOURS.reference)).toBeGreaterThan(200);
    // The second chain (around 3) lies above the first (around 0).
    expect(topRowOf(png, [44, 160, 44])).toBeLessThan(topRowOf(png, COLOURS.student));
  });

  it('a 2-D density draws a heat map where the density is, and the points over it', () => {
    const nx = 20;
    const values = Array.from({ length: nx * nx }, (_, k) => (k % nx < nx / 2 ? 1 : 0)); // mass on the left half only
    const buf = density2dPng({ kind: 'density2d', name: 'd', caption: 'c', xRange: [0, 1], yRange: [0, 1], density: { nx, ny: nx, values, label: 'density' }, points: [{ xy: [0.75, 0.5, 0.8, 0.3], label: 'data', role: 'reference' }] });
    const { png, count } = census(buf);
    expect(count([8, 48, 107])).toBeGreaterThan(10_000); // the left half at full density (and the legend swatch)
    expect(count(COLOURS.reference)).toBeGreaterThanOrEqual(8); // two 2×2 points (and the swatch)
    const mid = Math.floor(png.width / 2);
    expect(countIn(png, [8, 48, 107], 0, mid)).toBeGreaterThan(10 * countIn(png, [8, 48, 107], mid + 20, png.width - 140));
  });

  it('ticks are round numbers covering the data, formatted to their step', () => {
    const u = niceTicks(0.03, 0.97);
    expect([u.ticks.length, u.ticks[0], u.ticks.at(-1), u.step]).toEqual([6, 0, 1, 0.2]);
    const t = niceTicks(-127.4, -120.1);
    expect(t.lo).toBeLessThanOrEqual(-127.4);
    expect(t.hi).toBeGreaterThanOrEqual(-120.1);
    expect(t.ticks.map((v) => formatTick(v, t.step))).toEqual(['−128', '−126', '−124', '−122', '−120']);
    expect(niceTicks(5, 5).ticks.length).toBeGreaterThan(1); // a flat series still gets a range
    expect(textWidth('α = 1e-5')).toBeGreaterThan(20);
  });

  it('the caption of a statistical picture names the test, n, p and α', () => {
    expect(testCaption('χ² test', 20000, 0.43, 1.7e-5)).toBe('χ² test: n = 20,000, p = 0.43, α = 1.7e-5 (consistent with the exact distribution)');
    expect(testCaption('KS test', 50, 1e-9, 1e-4)).toMatch(/p = 1\.0e-9, α = 1\.0e-4 \(rejected/);
  });
});
