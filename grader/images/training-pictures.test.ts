import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { barsAndStripes } from '../../datasets/synthetic.ts';
import { tensor, type Wire } from '../basics/wire.ts';
import type { JudgeImage, JudgeInput } from '../judges/types.ts';
import type { CheckSpec } from '../manifest/types.ts';
import { judges as betaVae } from '../course/beta-vae/judges.ts';
import { samplesGrid } from '../course/cvae/judges.ts';
import { judges as gan } from '../course/gan/judges.ts';
import { judges as inpainting } from '../course/inpainting/judges.ts';
import { judges as rbm } from '../course/rbm/judges.ts';
import { CHART_WIDTH, chartPng } from './charts.ts';
import { COLOURS } from './plot-frame.ts';
import { gridPng } from './render.ts';
import type { Rgb } from './raster.ts';

/**
 * The pictures of the training checks that are not accuracy checks (rbm, the GAN, beta-vae's
 * sweep, cvae's samples, inpainting), drawn from synthetic values by the judges themselves and
 * decoded: size, not blank, the series colours, and where a pixel can be predicted, that pixel.
 */

function decode(img: JudgeImage): PNG {
  if (img.kind === 'scatter') throw new Error('not drawn here');
  return PNG.sync.read(img.kind === 'grid' ? gridPng(img) : chartPng(img).png);
}

function count(png: PNG, c: Rgb): number {
  let k = 0;
  for (let i = 0; i < png.width * png.height; i++) if (png.data[4 * i] === c[0] && png.data[4 * i + 1] === c[1] && png.data[4 * i + 2] === c[2]) k++;
  return k;
}

const rgbAt = (png: PNG, x: number, y: number) => Array.from(png.data.subarray(4 * (y * png.width + x), 4 * (y * png.width + x) + 3));

/** A deterministic stream of numbers in [0, 1). */
function uniforms(seed: number): () => number {
  let u = seed;
  return () => (u = (u * 48271) % 2147483647) / 2147483647;
}

const spec = (o: Partial<CheckSpec>): CheckSpec => ({ name: 'c', kind: 'property', points: 1, ...o }) as CheckSpec;
const input = (o: Partial<JudgeInput>): JudgeInput => ({ cases: [], values: [], seed: 1, check: spec({}), alpha: 1e-5, ...o });

/** A chart of the charts' width, taller than a bare frame, with the student's, the reference's and the bar's colours drawn. */
function expectComparison(png: PNG, colours: { reference: boolean; bar: boolean }): void {
  expect(png.width).toBe(CHART_WIDTH);
  expect(png.height).toBeGreaterThan(250);
  expect(count(png, COLOURS.student)).toBeGreaterThan(100);
  if (colours.reference) expect(count(png, COLOURS.reference)).toBeGreaterThan(100);
  else expect(count(png, COLOURS.reference)).toBe(0);
  if (colours.bar) expect(count(png, COLOURS.bar)).toBeGreaterThan(50);
}

describe('rbm: the exact log-likelihood over the training', () => {
  const nv = 9, nh = 8, k = 30;
  const data = barsAndStripes(3);
  const next = uniforms(7);
  const params = (scale: number) => ({ w: Float32Array.from({ length: nv * nh }, () => (next() - 0.5) * scale), b: Float32Array.from({ length: nv }, () => (next() - 0.5) * scale), c: Float32Array.from({ length: nh }, () => (next() - 0.5) * scale) });
  const start = params(0.1);
  /** K snapshots growing from scale 0.2 to 4 (the same for every run: the verdict must not move). */
  const snaps = Array.from({ length: k }, (_, i) => params(0.2 + (3.8 * i) / (k - 1)));
  /** A run's value: its final parameters, and the snapshots (or `withCurve` in their place). */
  const theirs = Array.from({ length: k }, (_, i) => params(0.2 + (1.5 * i) / (k - 1)));
  const run = (withCurve: unknown = undefined, set = snaps) => {
    const snaps = set;
    const last = snaps[k - 1]!;
    const curve = withCurve ?? { steps: Array.from({ length: k }, (_, i) => 100 * (i + 1)), w: tensor([k, nv, nh], snaps.flatMap((s) => Array.from(s.w))), b: tensor([k, nv], snaps.flatMap((s) => Array.from(s.b))), c: tensor([k, nh], snaps.flatMap((s) => Array.from(s.c))) };
    return { w: tensor([nv, nh], last.w), b: tensor([nv], last.b), c: tensor([nh], last.c), curve } as unknown as Wire;
  };
  const cases = [{ label: 'bars and stripes', args: [tensor([14, 9], data), tensor([nv, nh], start.w), tensor([nv], start.b), tensor([nh], start.c), 3000, 0.2, 1, 5] as Wire[] }];

  it('draws yours over the reference\'s from step 0 (the untrained start), with the bar', () => {
    const j = rbm.trainedLikelihood!(input({ cases, values: [run()], reference: [run(undefined, theirs)] }));
    expect(j.images?.map((i) => i.name)).toEqual(['rbm-training-likelihood']);
    const img = j.images![0]!;
    expect(img.kind).toBe('line');
    if (img.kind !== 'line') return;
    expect(img.series.map((s) => [s.role, Array.from(s.x!).slice(0, 2), s.y.length])).toEqual([['student', [0, 100], 31], ['reference', [0, 100], 31]]);
    expect(img.caption).toMatch(/every 100 steps/);
    expectComparison(decode(img), { reference: true, bar: true });
  });

  it('a malformed curve draws nothing and leaves the verdict as it was', () => {
    const plain = rbm.trainedLikelihood!(input({ cases, values: [run()], reference: [run()] }));
    const forged = [{ steps: [1, 1], w: 'x' }, { steps: Array.from({ length: k }, (_, i) => k - i), w: tensor([1], [0]), b: tensor([1], [0]), c: tensor([1], [0]) }, 'forged'];
    for (const curve of forged) {
      const j = rbm.trainedLikelihood!(input({ cases, values: [run(curve)], reference: [run()] }));
      expect(j.images).toBeUndefined();
      expect([j.passed, j.message]).toEqual([plain.passed, plain.message]);
    }
  });
});

describe('gan: the two losses every 100 steps', () => {
  const points = (seed: number) => {
    const u = uniforms(seed);
    return tensor([500, 2], Array.from({ length: 1000 }, () => 4 * u() - 2));
  };
  const losses = (d: number[], g: number[]) => ({ dLoss: tensor([d.length], d), gLoss: tensor([g.length], g) });
  const d = Array.from({ length: 16 }, (_, i) => 1.39 - 0.2 * Math.exp(-i / 3));
  const g = Array.from({ length: 16 }, (_, i) => 0.69 + 0.4 * Math.exp(-i / 4));
  const check = spec({ budget: { steps: 1500 } });

  it('the ring check draws its scatter and the losses: the discriminator\'s above the generator\'s, yours over the reference\'s', () => {
    const j = gan.ringCoverage!(input({ check, values: [{ samples: points(1), ...losses(d, g) }] as Wire[], reference: [{ samples: points(2), ...losses(g, d) }] as Wire[] }));
    expect(j.images?.map((i) => i.name)).toEqual(['gan-ring-samples', 'gan-ring-losses']);
    const img = j.images![1]!;
    expect(img.kind).toBe('panels');
    if (img.kind !== 'panels') return;
    expect(img.panels.map((p) => p.yLabel)).toEqual(['discriminator loss', 'generator loss']);
    expect(Array.from(img.panels[0]!.series[0]!.x!).slice(-2)).toEqual([1400, 1499]);
    const png = decode(img);
    expectComparison(png, { reference: true, bar: false });
    expect(png.height).toBeGreaterThan(500); // two panels
  });

  it('losses that do not fit (lengths differ, more points than steps) draw no losses picture, the scatter still', () => {
    for (const bad of [losses(d, g.slice(1)), losses(Array(40).fill(1), Array(40).fill(1)), { dLoss: 'x' }]) {
      const j = gan.ringCoverage!(input({ check, values: [{ samples: points(1), ...bad }] as Wire[], reference: [{ samples: points(2) }] as Wire[] }));
      expect(j.images?.map((i) => i.name)).toEqual(['gan-ring-samples']);
    }
  });
});

describe('beta-vae: the test KL against β', () => {
  const runOf = (kl: number, ll: number) => ({ kl: tensor([4], [kl, kl + 1, kl - 1, kl]), logLikelihood: tensor([4], [ll, ll, ll, ll]) });
  const sweep = (kls: number[]) => ({ betas: [0.5, 1, 4], runs: kls.map((kl, i) => runOf(kl, -100 - 10 * i)) }) as unknown as Wire;

  it('draws the KL and the reconstruction per β, passing or failing; the reference\'s sweep beside it when the check has one', () => {
    const ok = betaVae.klFallsWithBeta!(input({ values: [sweep([30, 20, 8])] }));
    expect(ok.passed).toBe(true);
    const img = ok.images![0]!;
    expect(img.name).toBe('beta-vae-kl-sweep');
    if (img.kind !== 'panels') throw new Error(img.kind);
    expect(Array.from(img.panels[0]!.series[0]!.x!)).toEqual([0.5, 1, 4]);
    expect(Array.from(img.panels[0]!.series[0]!.y)).toEqual([30, 20, 8]);
    expect(img.caption).toMatch(/no reference sweep/);
    expectComparison(decode(img), { reference: false, bar: false });
    const bad = betaVae.klFallsWithBeta!(input({ values: [sweep([20, 25, 8])], reference: [sweep([30, 20, 8])] }));
    expect(bad.passed).toBe(false);
    expectComparison(decode(bad.images![0]!), { reference: true, bar: false });
  });
});

describe('cvae: the samples, one row per label', () => {
  it('draws 8 samples of each label in its row (pixel value label/10 here), the classifier\'s readings in the caption', () => {
    const n = 500;
    const labels = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 50));
    const pixels = Float32Array.from({ length: n * 784 }, (_, k) => labels[Math.floor(k / 784)]! / 10);
    const img = samplesGrid({ rate: 1, perLabel: [], perLabelCount: [], n, pixels, labels, predicted: labels });
    expect(img?.kind).toBe('grid');
    expect(img!.caption).toMatch(/row by row: 0: 00000000 \| 1: 11111111 \|/);
    const png = decode(img!);
    expect([png.width, png.height]).toEqual([8 * 58 + 2, 10 * 58 + 2]);
    for (const d of [0, 3, 9]) expect(rgbAt(png, 2 + 58 * 5 + 20, 2 + 58 * d + 20)).toEqual(Array(3).fill(Math.round(255 * Math.fround(d / 10))));
  });
});

describe('inpainting: the masked input, yours, the reference\'s, the original', () => {
  it('draws four rows for 4 + 4 digits, the missing pixels grey in the first', () => {
    const n = 8, d = 784;
    const truth = Float32Array.from({ length: n * d }, (_, k) => ((k % d) % 28 < 14 ? 1 : 0));
    const mask = Float32Array.from({ length: n * d }, (_, k) => (Math.floor((k % d) / 28) < 14 ? 1 : 0)); // the bottom 14 rows missing
    const x = truth.map((v, k) => v * mask[k]!);
    const filled = (v: number) => Float32Array.from(x, (xv, k) => (mask[k] ? xv : v));
    const cases = [{ label: 'masked', args: [{}, tensor([n, d], x), tensor([n, d], mask), 10] as Wire[], answers: tensor([n, d], truth) }];
    const j = inpainting.maskedError!(input({ cases, check: spec({ margin: 0.25 }), values: [tensor([n, d], filled(0.25))], reference: [tensor([n, d], filled(0.75))] }));
    const img = j.images![0]!;
    expect(img.name).toBe('inpainting-examples');
    const png = decode(img);
    expect([png.width, png.height]).toEqual([8 * 58 + 2, 4 * 58 + 2]);
    // Column 0, a pixel in the missing bottom half (row 20) and left (column 5, truth 1): grey, yours 0.25, the reference's 0.75, the truth 1.
    const at = (row: number) => rgbAt(png, 2 + 2 * 5, 2 + 58 * row + 2 * 20)[0];
    expect([at(0), at(1), at(2), at(3)]).toEqual([128, 64, 191, 255]);
    expect(count(png, [128, 128, 128])).toBeGreaterThan(8 * 14 * 28 * 4 - 100);
  });
});
