import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../basics/rng.ts';
import { tensor, type Case, type Wire } from '../basics/wire.ts';
import type { JudgeImage, JudgeInput } from '../judges/types.ts';
import type { CheckSpec } from '../manifest/types.ts';
import { judges as augmentation } from '../course/augmentation/judges.ts';
import { cases as mhCases, ONE_STEP_CHAINS, ONE_STEP_GROUPS } from '../course/metropolis-hastings/cases.ts';
import { judges as mh } from '../course/metropolis-hastings/judges.ts';
import type { BarChart } from './chart-types.ts';
import { CHART_WIDTH, chartPng, WHISKER } from './charts.ts';
import { COLOURS } from './plot-frame.ts';
import type { Rgb } from './raster.ts';

/**
 * The pictures of augmentation's noise check and Metropolis–Hastings' one-step check, drawn
 * from synthetic values by the judges themselves and decoded: size, not blank, the series
 * colours, and what the picture must show (a narrower histogram for too narrow noise, the
 * student's bars as tall as the exact ones for a correct sampler and shorter for a known mistake).
 */

function decode(img: JudgeImage): PNG {
  if (img.kind === 'scatter' || img.kind === 'grid') throw new Error('not a chart');
  return PNG.sync.read(chartPng(img).png);
}

function count(png: PNG, c: Rgb): number {
  let k = 0;
  for (let i = 0; i < png.width * png.height; i++) if (png.data[4 * i] === c[0] && png.data[4 * i + 1] === c[1] && png.data[4 * i + 2] === c[2]) k++;
  return k;
}

/** The leftmost and rightmost pixel column holding colour c in the lower half of the picture (below the legend). */
function columns(png: PNG, c: Rgb): [number, number] {
  let [lo, hi] = [Infinity, -Infinity];
  for (let i = Math.floor(png.height / 2) * png.width; i < png.width * png.height; i++) {
    if (png.data[4 * i] === c[0] && png.data[4 * i + 1] === c[1] && png.data[4 * i + 2] === c[2]) [lo, hi] = [Math.min(lo, i % png.width), Math.max(hi, i % png.width)];
  }
  return [lo, hi];
}

const spec = (o: Partial<CheckSpec>): CheckSpec => ({ name: 'c', kind: 'distribution', points: 1, ...o }) as CheckSpec;
const input = (o: Partial<JudgeInput>): JudgeInput => ({ cases: [], values: [], seed: 1, check: spec({}), alpha: 1e-4, ...o });

/** A picture of the charts' width, taller than a bare frame, not blank: the student's blue and the exact target's orange both drawn. */
function expectStudentAndExact(png: PNG): void {
  expect(png.width).toBe(CHART_WIDTH);
  expect(png.height).toBeGreaterThan(250);
  expect(count(png, COLOURS.student)).toBeGreaterThan(100);
  expect(count(png, COLOURS.reference)).toBeGreaterThan(100);
}

describe('augmentation: the noise over the exact N(0, std²) density', () => {
  const n = 20000;
  const std = 0.5;
  const cases: Case[] = [{ label: 'zeros [200, 100], std 0.5', args: [tensor([200, 100], new Float32Array(n)), std, 1] as Wire[] }];
  const noise = (sd: number) => {
    const rng = new Rng('noise');
    return tensor([200, 100], Float32Array.from({ length: n }, () => rng.normal(0, sd)));
  };
  // The histogram's bins: the student's blue lightened halfway to white, as charts.ts fills them.
  const fill: Rgb = COLOURS.student.map((v) => Math.round(v + (255 - v) * 0.55)) as unknown as Rgb;

  it('draws a correct answer\'s noise as wide as the density, with the test, n, p and α in the caption', () => {
    const j = augmentation.noiseStatistics!(input({ cases, values: [noise(std)] }));
    expect(j.passed, j.message).toBe(true);
    expect(j.images?.map((i) => [i.name, i.kind])).toEqual([['augmentation-noise', 'histogram']]);
    expect(j.images![0]!.caption).toMatch(/test.*: n = 20,000, p = .*, α = 3\.3e-5 \(consistent with the exact distribution\)/); // α/3: mean, spread and shape
    const png = decode(j.images![0]!);
    expectStudentAndExact(png);
    expect(count(png, fill)).toBeGreaterThan(5000);
  });

  it('draws noise of standard deviation std² (the variance passed) narrower than the density, and says it is rejected', () => {
    const right = decode(augmentation.noiseStatistics!(input({ cases, values: [noise(std)] })).images![0]!);
    const j = augmentation.noiseStatistics!(input({ cases, values: [noise(std * std)] }));
    expect(j.passed).toBe(false);
    expect(j.images?.map((i) => i.name)).toEqual(['augmentation-noise']);
    expect(j.images![0]!.caption).toMatch(/rejected/);
    const png = decode(j.images![0]!);
    expectStudentAndExact(png);
    // The bins cover about half the width: ±3 sd of 0.25 against ±3 sd of 0.5 on the same axis.
    const width = (p: PNG) => columns(p, fill)[1] - columns(p, fill)[0];
    expect(width(png)).toBeLessThan(0.7 * width(right));
    expect(width(png)).toBeGreaterThan(0.3 * width(right));
  });

  it('a value of the wrong shape draws nothing', () => {
    const j = augmentation.noiseStatistics!(input({ cases, values: [tensor([3], [0, 0, 0])] }));
    expect([j.passed, j.images]).toEqual([false, undefined]);
  });
});

describe('metropolis-hastings: the accepted fraction per group against the exact A', () => {
  const cases = mhCases.oneStep!(new Rng(1));
  const chains = ONE_STEP_GROUPS.length * ONE_STEP_CHAINS;
  const [, x0W, toW] = cases[0]!.args as [unknown, { $tensor: { data: Float32Array } }, { $tensor: { data: Float32Array } }];
  /** One step in which exactly round(n·a) chains of each group moved to x′, a the group's acceptance probability. */
  const oneStep = (accept: (g: { accept: number; logRatio: number }) => number) => {
    const last = new Float32Array(chains);
    let moved = 0;
    ONE_STEP_GROUPS.forEach((g, k) => {
      const m = Math.round(ONE_STEP_CHAINS * accept(g));
      for (let i = 0; i < ONE_STEP_CHAINS; i++) {
        const c = k * ONE_STEP_CHAINS + i;
        last[c] = i < m ? toW.$tensor.data[c]! : x0W.$tensor.data[c]!;
      }
      moved += m;
    });
    return { shape: [1, chains, 1], last: tensor([1, chains, 1], last), acceptRate: moved / chains, recorded: null } as unknown as Wire;
  };
  const judge = (v: Wire) => mh.acceptProbability!(input({ cases, values: [v], alpha: 1e-4 / 3 }));
  const bars = (j: ReturnType<typeof judge>) => {
    expect(j.images?.map((i) => [i.name, i.kind])).toEqual([['mh-acceptance', 'bars']]);
    return j.images![0] as BarChart;
  };

  it('draws a correct sampler\'s fractions on the exact A, each inside the whiskers of the binomial test, with n, p and α in the caption', () => {
    const j = judge(oneStep((g) => g.accept));
    expect(j.passed, j.message).toBe(true);
    const img = bars(j);
    expect(img.categories).toEqual(['A = 0.1', 'A = 0.3', 'A = 0.6', 'A = 1', 'A = 0.05']);
    expect(Array.from(img.series[0]!.values).map((v) => +v.toFixed(4))).toEqual([0.1, 0.3, 0.6, 1, 0.05]);
    expect(Array.from(img.series[1]!.values).map((v) => +v.toFixed(4))).toEqual([0.1, 0.3, 0.6, 1, 0.05]);
    const w = img.series[1]!.whiskers!;
    for (let k = 0; k < 5; k++) {
      const a = img.series[1]!.values[k]!;
      expect(w.lo[k]!).toBeLessThanOrEqual(a);
      expect(w.hi[k]!).toBeGreaterThanOrEqual(a);
      if (a < 1) expect(w.hi[k]! - w.lo[k]!).toBeGreaterThan(0.01); // about ±4.5 sd of 4,000 draws
    }
    expect([w.lo[3], w.hi[3]]).toEqual([1, 1]);
    expect(img.caption).toMatch(/binomial test, group \d: n = 4,000, p = .*, α = 6\.7e-6 \(consistent with the exact distribution\); the smallest p of 5 groups/);
    const png = decode(img);
    expectStudentAndExact(png);
    expect(count(png, WHISKER)).toBeGreaterThan(30);
    // The bars are as tall as the exact ones: as much blue as orange (the whiskers cover a little orange).
    const ratio = count(png, COLOURS.student) / count(png, COLOURS.reference);
    expect(ratio).toBeGreaterThan(0.95);
    expect(ratio).toBeLessThan(1.15);
  });

  it('draws a sampler without the Hastings factor below the exact A, outside the whiskers, and says it is rejected', () => {
    const j = judge(oneStep((g) => Math.min(1, g.accept === 1 ? 1.5 / Math.exp(g.logRatio) : g.accept / Math.exp(g.logRatio))));
    expect(j.passed).toBe(false);
    expect(j.hint).toMatch(/left out/);
    const img = bars(j);
    expect(img.caption).toMatch(/rejected/);
    const w = img.series[1]!.whiskers!;
    expect(Array.from(img.series[0]!.values).some((v, k) => v < w.lo[k]! || v > w.hi[k]!)).toBe(true);
    const png = decode(img);
    expectStudentAndExact(png);
    // Σ A = 2.05 against Σ A without the factor = 1.36: about two thirds as much blue as orange.
    expect(count(png, COLOURS.student) / count(png, COLOURS.reference)).toBeLessThan(0.8);
  });

  it('a value of the wrong shape draws nothing', () => {
    const j = judge({ shape: [2, chains, 1], last: tensor([1], [0]), acceptRate: 0 } as unknown as Wire);
    expect([j.passed, j.images]).toEqual([false, undefined]);
  });
});

describe('bar whiskers', () => {
  const chart = (whiskers: boolean): BarChart => ({
    kind: 'bars',
    name: 'w',
    title: 't',
    caption: 'c',
    xLabel: 'x',
    yLabel: 'y',
    categories: ['a', 'b'],
    series: [{ label: 'mine', role: 'student', values: [0.2, 0.5] }, { label: 'exact', role: 'reference', values: [0.25, 0.5], ...(whiskers ? { whiskers: { lo: [0.2, 0.45], hi: [0.3, 0.9], label: 'passes' } } : {}) }],
  });

  it('are drawn in their own colour, only when asked, and stretch the axis to their top', () => {
    const plain = PNG.sync.read(chartPng(chart(false)).png);
    const withW = PNG.sync.read(chartPng(chart(true)).png);
    expect(count(plain, WHISKER)).toBe(0);
    expect(count(withW, WHISKER)).toBeGreaterThan(40);
    // The axis now reaches 0.9, not 0.5: the bars are shorter.
    expect(count(withW, COLOURS.student)).toBeLessThan(0.8 * count(plain, COLOURS.student));
  });
});
