import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../results/types.ts';
import { gridPng, scatterPng } from './render.ts';
import { imageFileName, writeCheckImages, writeImagesForResult } from './write.ts';

const rgbAt = (png: PNG, x: number, y: number) => Array.from(png.data.subarray(4 * (y * png.width + x), 4 * (y * png.width + x) + 3));

describe('PNG rendering (decoded back with pngjs)', () => {
  it('draws a grid of greyscale images ×2 with 2-pixel gaps, cols per row, values clamped, NaN red', () => {
    // Three 2×3 images: all 0, all 1, and one with 0.5, −1 (clamped to 0), 7 (to 1) and NaN.
    const pixels = Float32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0.5, -1, 7, NaN, 0, 0]);
    const png = PNG.sync.read(gridPng({ kind: 'grid', name: 'g', caption: '', pixels, count: 3, height: 2, width: 3, cols: 2 }));
    // 2 columns of (3·2 + 2) plus the left gap; 2 rows of (2·2 + 2) plus the top gap.
    expect([png.width, png.height]).toEqual([2 * 8 + 2, 2 * 6 + 2]);
    expect(rgbAt(png, 0, 0)).toEqual([96, 96, 96]); // gap
    expect(rgbAt(png, 2, 2)).toEqual([0, 0, 0]); // image 0
    expect(rgbAt(png, 2 + 8 + 5, 2 + 3)).toEqual([255, 255, 255]); // image 1, last pixel
    const third = (x: number, y: number) => rgbAt(png, 2 + 2 * x, 2 + 6 + 2 * y);
    expect([third(0, 0), third(1, 0), third(2, 0), third(0, 1)]).toEqual([[128, 128, 128], [0, 0, 0], [255, 255, 255], [255, 0, 0]]);
  });

  it('plots points as blue dots and markers as red circles on a white square, counting points outside', () => {
    const { png: buf, outside } = scatterPng({ kind: 'scatter', name: 's', caption: '', points: Float32Array.from([1, 1, 5, 0]), markers: Float32Array.from([-1, 0]), markerRadius: 0.5, range: [-2, 2] });
    const png = PNG.sync.read(buf);
    expect([png.width, png.height]).toEqual([480, 480]);
    expect(outside).toBe(1);
    const px = (v: number) => Math.round(((v + 2) / 4) * 479);
    expect(rgbAt(png, px(1), 479 - px(1))).toEqual([30, 60, 160]); // the point (1, 1), y up
    expect(rgbAt(png, px(-1) + Math.round((0.5 / 4) * 479), 479 - px(0))).toEqual([220, 30, 30]); // circle's rightmost pixel
    expect(rgbAt(png, 5, 5)).toEqual([255, 255, 255]);
  });

  it('rejects pixels that do not fit the stated shape', () => {
    expect(() => gridPng({ kind: 'grid', name: 'g', caption: '', pixels: new Float32Array(5), count: 1, height: 2, width: 3, cols: 1 })).toThrow(/pixels hold 5 values, expected count·height·width = 1·2·3/);
  });

  it('writes files named from the image names, suffixing a name already taken, and lists path and caption', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'images-')), 'gan');
    const img = { kind: 'grid' as const, name: 'mnist samples!', caption: 'c', pixels: new Float32Array(4), count: 1, height: 2, width: 2, cols: 1 };
    const taken = new Set<string>();
    const a = writeCheckImages([img], dir, taken);
    const b = writeCheckImages([img], dir, taken);
    expect(imageFileName('mnist samples!')).toBe('mnist-samples.png');
    expect(a).toEqual([{ path: path.join(dir, 'mnist-samples.png'), caption: 'c' }]);
    expect(b[0]!.path).toBe(path.join(dir, 'mnist-samples-2.png'));
    expect(PNG.sync.read(fs.readFileSync(a[0]!.path)).width).toBe(2 * 2 + 4);
  });

  it('says in the result when the folder cannot be written, instead of failing the grade', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'images-')), 'not-a-dir');
    fs.writeFileSync(file, '');
    const r = { message: 'ok' } as CheckResult;
    writeImagesForResult(r, [{ kind: 'grid', name: 'x', caption: '', pixels: new Float32Array(1), count: 1, height: 1, width: 1, cols: 1 }], path.join(file, 'gan'), new Set());
    expect(r.images).toBeUndefined();
    expect(r.message).toMatch(/^ok \(its images could not be written to .*not-a-dir\/gan: /);
  });

  it('writes a chart the same way: a PNG named from the chart, with its caption', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'images-'));
    const [img] = writeCheckImages([{ kind: 'line', name: 'mlp learning curve', caption: 'loss per epoch', xLabel: 'epoch', yLabel: 'loss', series: [{ label: 'you', role: 'student', y: [2, 1] }] }], dir);
    expect(img).toEqual({ path: path.join(dir, 'mlp-learning-curve.png'), caption: 'loss per epoch' });
    expect(PNG.sync.read(fs.readFileSync(img!.path)).width).toBe(480);
  });
});
