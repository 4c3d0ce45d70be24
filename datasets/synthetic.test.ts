import { describe, it, expect } from 'vitest';
import {
  twoMoons,
  gaussianRing,
  ringCenters,
  barsAndStripes,
  barsAndStripesCount,
  sampleBarsAndStripes,
} from './index.ts';

const same = (a: Float32Array | Int32Array, b: Float32Array | Int32Array) =>
  a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('twoMoons', () => {
  it('has the right shapes and balanced labels', () => {
    for (const n of [0, 1, 7, 200]) {
      const { x, labels } = twoMoons(n, 0.1, 1);
      expect(x).toBeInstanceOf(Float32Array);
      expect(labels).toBeInstanceOf(Int32Array);
      expect(x.length).toBe(2 * n);
      expect(labels.length).toBe(n);
      const ones = labels.reduce((a, b) => a + b, 0);
      expect(ones).toBe(n - Math.floor(n / 2));
      for (const l of labels) expect(l === 0 || l === 1).toBe(true);
    }
  });

  it('is deterministic by seed; different seeds differ', () => {
    const a = twoMoons(500, 0.1, 7);
    const b = twoMoons(500, 0.1, 7);
    const c = twoMoons(500, 0.1, 8);
    expect(same(a.x, b.x)).toBe(true);
    expect(same(a.labels, b.labels)).toBe(true);
    expect(same(a.x, c.x)).toBe(false);
  });

  it('lies on the two moons when noise is 0', () => {
    const { x, labels } = twoMoons(1000, 0, 3);
    for (let i = 0; i < 1000; i++) {
      const px = x[2 * i]!;
      const py = x[2 * i + 1]!;
      if (labels[i] === 0) {
        // Upper moon: unit circle around (0, 0), y >= 0.
        expect(Math.hypot(px, py)).toBeCloseTo(1, 5);
        expect(py).toBeGreaterThanOrEqual(-1e-6);
      } else {
        // Lower moon: unit circle around (1, 0.5), y <= 0.5.
        expect(Math.hypot(px - 1, py - 0.5)).toBeCloseTo(1, 5);
        expect(py).toBeLessThanOrEqual(0.5 + 1e-6);
      }
    }
  });

  it('adds noise of about the requested std, and mixes the moons', () => {
    const noise = 0.1;
    const { x, labels } = twoMoons(4000, noise, 5);
    let ss = 0;
    for (let i = 0; i < 4000; i++) {
      const cx = labels[i] === 0 ? 0 : 1;
      const cy = labels[i] === 0 ? 0 : 0.5;
      const r = Math.hypot(x[2 * i]! - cx, x[2 * i + 1]! - cy) - 1;
      ss += r * r;
    }
    // The radial deviation of an isotropic 2-D Gaussian has std ≈ noise (for noise << 1).
    expect(Math.sqrt(ss / 4000)).toBeGreaterThan(0.08);
    expect(Math.sqrt(ss / 4000)).toBeLessThan(0.12);
    // Shuffled: the first 100 labels are not all one moon.
    const head = labels.subarray(0, 100).reduce((a, b) => a + b, 0);
    expect(head).toBeGreaterThan(25);
    expect(head).toBeLessThan(75);
    // Class means: upper moon ≈ (0, 2/π), lower ≈ (1, 0.5 − 2/π).
    const mean = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      mean[2 * labels[i]!]! += x[2 * i]! / 2000;
      mean[2 * labels[i]! + 1]! += x[2 * i + 1]! / 2000;
    }
    expect(mean[0]).toBeCloseTo(0, 1);
    expect(mean[1]).toBeCloseTo(2 / Math.PI, 1);
    expect(mean[2]).toBeCloseTo(1, 1);
    expect(mean[3]).toBeCloseTo(0.5 - 2 / Math.PI, 1);
  });
});

describe('gaussianRing', () => {
  it('places centres on the circle at angles 2πk/modes', () => {
    const c = ringCenters(8, 2);
    expect(c.length).toBe(16);
    for (let k = 0; k < 8; k++) {
      expect(c[2 * k]).toBeCloseTo(2 * Math.cos((2 * Math.PI * k) / 8), 6);
      expect(c[2 * k + 1]).toBeCloseTo(2 * Math.sin((2 * Math.PI * k) / 8), 6);
    }
    expect(c[0]).toBeCloseTo(2, 6);
    expect(c[1]).toBeCloseTo(0, 6);
  });

  it('has the right shapes and defaults', () => {
    const { x, mode } = gaussianRing(1000, {}, 1);
    expect(x).toBeInstanceOf(Float32Array);
    expect(mode).toBeInstanceOf(Int32Array);
    expect(x.length).toBe(2000);
    expect(mode.length).toBe(1000);
    const counts = new Array<number>(8).fill(0);
    for (const m of mode) counts[m]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(80); // ~125 each
  });

  it('puts points near their own centres', () => {
    for (const opts of [{}, { modes: 5, radius: 3, std: 0.1 }]) {
      const modes = opts.modes ?? 8;
      const radius = opts.radius ?? 2;
      const std = opts.std ?? 0.02;
      const c = ringCenters(modes, radius);
      const { x, mode } = gaussianRing(2000, opts, 11);
      let ss = 0;
      for (let i = 0; i < 2000; i++) {
        const k = mode[i]!;
        expect(k >= 0 && k < modes).toBe(true);
        const dx = x[2 * i]! - c[2 * k]!;
        const dy = x[2 * i + 1]! - c[2 * k + 1]!;
        expect(Math.hypot(dx, dy)).toBeLessThan(6 * std);
        ss += dx * dx + dy * dy;
      }
      expect(Math.sqrt(ss / 4000)).toBeCloseTo(std, 2); // per-coordinate std
    }
  });

  it('is deterministic by seed; different seeds differ', () => {
    const a = gaussianRing(300, { modes: 6 }, 9);
    const b = gaussianRing(300, { modes: 6 }, 9);
    const c = gaussianRing(300, { modes: 6 }, 10);
    expect(same(a.x, b.x)).toBe(true);
    expect(same(a.mode, b.mode)).toBe(true);
    expect(same(a.x, c.x)).toBe(false);
  });
});

/** Whether a size×size 0/1 image is all-equal along rows (stripes) or along columns (bars). */
function isBarsOrStripes(p: Float32Array, size: number): boolean {
  let stripes = true;
  let bars = true;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = p[r * size + c]!;
      if (v !== 0 && v !== 1) return false;
      if (v !== p[r * size]) stripes = false; // rows constant
      if (v !== p[c]) bars = false; // columns constant
    }
  }
  return stripes || bars;
}

describe('barsAndStripes', () => {
  for (const size of [1, 2, 3, 4]) {
    it(`size ${size}: 2·2^size − 2 distinct valid patterns`, () => {
      const all = barsAndStripes(size);
      const d = size * size;
      const count = 2 * 2 ** size - 2;
      expect(barsAndStripesCount(size)).toBe(count);
      expect(all.length).toBe(count * d);
      const seen = new Set<string>();
      for (let i = 0; i < count; i++) {
        const p = all.subarray(i * d, (i + 1) * d);
        expect(isBarsOrStripes(p, size)).toBe(true);
        seen.add(Array.from(p).join(''));
      }
      expect(seen.size).toBe(count);
      expect(seen.has('0'.repeat(d))).toBe(true);
      expect(seen.has('1'.repeat(d))).toBe(true);
    });
  }

  it('size 2 gives exactly the six expected patterns', () => {
    const all = barsAndStripes(2);
    const got = new Set<string>();
    for (let i = 0; i < 6; i++) got.add(Array.from(all.subarray(4 * i, 4 * i + 4)).join(''));
    expect([...got].sort()).toEqual(['0000', '0011', '0101', '1010', '1100', '1111']);
  });

  it('samples uniformly from the patterns, deterministically by seed', () => {
    const size = 3;
    const d = 9;
    const all = barsAndStripes(size);
    const index = new Map<string, number>();
    for (let i = 0; i < all.length / d; i++) index.set(Array.from(all.subarray(i * d, (i + 1) * d)).join(''), i);
    const s = sampleBarsAndStripes(2800, size, 4);
    expect(s.length).toBe(2800 * d);
    const counts = new Array<number>(index.size).fill(0);
    for (let i = 0; i < 2800; i++) {
      const k = index.get(Array.from(s.subarray(i * d, (i + 1) * d)).join(''));
      expect(k).toBeDefined();
      counts[k!]! += 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(130); // 200 expected each
    expect(same(s, sampleBarsAndStripes(2800, size, 4))).toBe(true);
    expect(same(s, sampleBarsAndStripes(2800, size, 5))).toBe(false);
  });

  it('rejects bad sizes', () => {
    expect(() => barsAndStripes(0)).toThrow(RangeError);
    expect(() => barsAndStripes(2.5)).toThrow(RangeError);
  });
});
