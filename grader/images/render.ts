import type { JudgeImage } from '../judges/types.ts';
import { Canvas, type Rgb } from './raster.ts';

/** Pixels per image pixel in a grid (28×28 digits become 56×56). */
const GRID_SCALE = 2;
/** Gap between grid cells, and its colour. */
const GRID_GAP = 2;
const GAP_RGB = [96, 96, 96] as const;
/** A scatter plot's side in pixels. */
const SCATTER_SIZE = 480;

/** Grey level of a pixel value: clamped to [0, 1]; NaN/Inf become red so they are seen. */
function grey(v: number): Rgb {
  if (!Number.isFinite(v)) return [255, 0, 0];
  const g = Math.round(255 * Math.min(1, Math.max(0, v)));
  return [g, g, g];
}

/** A grid of greyscale images, `cols` per row, each scaled ×GRID_SCALE, with grey gaps. */
export function gridPng(img: Extract<JudgeImage, { kind: 'grid' }>): Buffer {
  const { count, height: h, width: w } = img;
  if (!(count >= 1 && h >= 1 && w >= 1) || img.pixels.length !== count * h * w) {
    throw new RangeError(`image ${img.name}: pixels hold ${img.pixels.length} values, expected count·height·width = ${count}·${h}·${w}`);
  }
  const cols = Math.max(1, Math.min(img.cols, count));
  const rows = Math.ceil(count / cols);
  const cw = w * GRID_SCALE + GRID_GAP;
  const ch = h * GRID_SCALE + GRID_GAP;
  const c = new Canvas(cols * cw + GRID_GAP, rows * ch + GRID_GAP, GAP_RGB);
  for (let k = 0; k < count; k++) {
    const ox = GRID_GAP + (k % cols) * cw;
    const oy = GRID_GAP + Math.floor(k / cols) * ch;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const col = grey(img.pixels[(k * h + y) * w + x]!);
        for (let dy = 0; dy < GRID_SCALE; dy++) for (let dx = 0; dx < GRID_SCALE; dx++) c.set(ox + x * GRID_SCALE + dx, oy + y * GRID_SCALE + dy, col);
      }
    }
  }
  return c.encode();
}

/** 2-D points as dark dots on white, with the markers as red circles and grey axes through 0. */
export function scatterPng(img: Extract<JudgeImage, { kind: 'scatter' }>): { png: Buffer; outside: number } {
  const [lo, hi] = img.range;
  if (!(hi > lo)) throw new RangeError(`image ${img.name}: range must be [lo, hi] with hi > lo`);
  if (img.points.length % 2 !== 0) throw new RangeError(`image ${img.name}: points must be [n, 2]`);
  const n = SCATTER_SIZE;
  const c = new Canvas(n, n, [255, 255, 255]);
  const px = (v: number) => Math.round(((v - lo) / (hi - lo)) * (n - 1));
  const py = (v: number) => n - 1 - px(v); // y grows upwards
  if (lo < 0 && hi > 0) {
    for (let i = 0; i < n; i++) {
      c.set(px(0), i, [210, 210, 210]);
      c.set(i, py(0), [210, 210, 210]);
    }
  }
  let outside = 0;
  for (let i = 0; i + 1 < img.points.length; i += 2) {
    const x = img.points[i]!;
    const y = img.points[i + 1]!;
    if (!(x >= lo && x <= hi && y >= lo && y <= hi)) {
      outside++;
      continue;
    }
    const [cx, cy] = [px(x), py(y)];
    for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) c.set(cx + dx, cy + dy, [30, 60, 160]);
  }
  const m = img.markers ?? new Float32Array(0);
  const r = ((img.markerRadius ?? (hi - lo) / 100) / (hi - lo)) * (n - 1);
  for (let j = 0; j + 1 < m.length; j += 2) {
    const [cx, cy] = [px(m[j]!), py(m[j + 1]!)];
    const steps = Math.max(32, Math.ceil(8 * r));
    for (let s = 0; s < steps; s++) {
      const a = (2 * Math.PI * s) / steps;
      c.set(Math.round(cx + r * Math.cos(a)), Math.round(cy + r * Math.sin(a)), [220, 30, 30]);
    }
  }
  return { png: c.encode(), outside };
}
