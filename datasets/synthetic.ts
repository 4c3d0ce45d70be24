/**
 * Small seeded synthetic data sets, as plain typed arrays (no tfjs backend needed). Every generator
 * is a pure function of its arguments: the same seed gives the same bits in every process.
 * Randomness comes from `Rng` (grader/basics/rng.ts), split into named sub-streams with `fork` so
 * that, e.g., changing `noise` does not move the underlying points.
 */
import { Rng } from '../grader/basics/rng.ts';

function checkCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name}: n must be a non-negative integer, got ${n}`);
}

// --- two moons -------------------------------------------------------------------------------

export interface TwoMoons {
  /** [n, 2] row-major points. */
  x: Float32Array;
  /** [n] 0 = upper moon, 1 = lower moon. */
  labels: Int32Array;
}

/**
 * scikit-learn's make_moons convention: floor(n/2) points on the upper moon (cos t, sin t), label 0,
 * the rest on the lower moon (1 − cos t, 1 − sin t − 0.5), label 1, with t uniform in [0, π] (sklearn
 * spaces t evenly; here it is drawn), plus isotropic Gaussian noise of std `noise`. The points are
 * then shuffled (as sklearn's shuffle=True) so batches mix both moons.
 */
export function twoMoons(n: number, noise: number, seed: number): TwoMoons {
  checkCount('twoMoons', n);
  if (!(noise >= 0)) throw new RangeError(`twoMoons: noise must be >= 0, got ${noise}`);
  const rng = new Rng(seed);
  const tRng = rng.fork('t');
  const noiseRng = rng.fork('noise');
  const order = rng.fork('order').permutation(n);
  const nUpper = Math.floor(n / 2);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const lab = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const t = tRng.uniform(0, Math.PI);
    if (i < nUpper) {
      px[i] = Math.cos(t);
      py[i] = Math.sin(t);
    } else {
      px[i] = 1 - Math.cos(t);
      py[i] = 1 - Math.sin(t) - 0.5;
      lab[i] = 1;
    }
  }
  const x = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = order[i]!;
    const ex = noiseRng.normal(0, 1);
    const ey = noiseRng.normal(0, 1);
    x[2 * i] = px[j]! + noise * ex;
    x[2 * i + 1] = py[j]! + noise * ey;
    labels[i] = lab[j]!;
  }
  return { x, labels };
}

// --- ring of Gaussians -----------------------------------------------------------------------

export interface GaussianRingOptions {
  /** Number of mixture components (default 8). */
  modes?: number;
  /** Radius of the circle the centres lie on (default 2). */
  radius?: number;
  /** Per-coordinate standard deviation around each centre (default 0.02). */
  std?: number;
}

export interface GaussianRing {
  /** [n, 2] row-major points. */
  x: Float32Array;
  /** [n] component index 0..modes-1 of each point. */
  mode: Int32Array;
}

/** Centres of the ring: mode k at angle 2πk/modes, i.e. (radius·cos, radius·sin); [modes, 2]. */
export function ringCenters(modes: number, radius: number): Float32Array {
  if (!Number.isInteger(modes) || modes < 1) throw new RangeError(`ringCenters: modes must be a positive integer, got ${modes}`);
  const c = new Float32Array(2 * modes);
  for (let k = 0; k < modes; k++) {
    const a = (2 * Math.PI * k) / modes;
    c[2 * k] = radius * Math.cos(a);
    c[2 * k + 1] = radius * Math.sin(a);
  }
  return c;
}

/**
 * The classic GAN "ring of Gaussians": each point picks a component uniformly at random and adds
 * N(0, std²) noise per coordinate to that component's centre (see `ringCenters`).
 */
export function gaussianRing(n: number, opts: GaussianRingOptions, seed: number): GaussianRing {
  checkCount('gaussianRing', n);
  const modes = opts.modes ?? 8;
  const radius = opts.radius ?? 2;
  const std = opts.std ?? 0.02;
  if (!(std >= 0)) throw new RangeError(`gaussianRing: std must be >= 0, got ${std}`);
  const centers = ringCenters(modes, radius);
  const rng = new Rng(seed);
  const modeRng = rng.fork('mode');
  const noiseRng = rng.fork('noise');
  const x = new Float32Array(2 * n);
  const mode = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = modeRng.int(0, modes);
    mode[i] = k;
    const ex = noiseRng.normal(0, 1);
    const ey = noiseRng.normal(0, 1);
    x[2 * i] = centers[2 * k]! + std * ex;
    x[2 * i + 1] = centers[2 * k + 1]! + std * ey;
  }
  return { x, mode };
}

// --- bars and stripes ------------------------------------------------------------------------

function checkSize(name: string, size: number): void {
  if (!Number.isInteger(size) || size < 1 || size > 16) {
    throw new RangeError(`${name}: size must be an integer in [1, 16], got ${size}`);
  }
}

/** Number of distinct bars-and-stripes patterns of a size×size image: 2·2^size − 2. */
export function barsAndStripesCount(size: number): number {
  checkSize('barsAndStripesCount', size);
  return 2 * 2 ** size - 2;
}

/**
 * Every distinct bars-and-stripes pattern of a size×size binary image, [count, size*size] row-major,
 * count = 2·2^size − 2. Order: first the stripes, row mask m = 0 .. 2^size − 1 (row r on when bit r
 * of m is set; m = 0 is all-off, the last is all-on), then the bars, column mask m = 1 .. 2^size − 2
 * (column c on when bit c is set; all-off and all-on are not repeated).
 */
export function barsAndStripes(size: number): Float32Array {
  const count = barsAndStripesCount(size);
  const d = size * size;
  const out = new Float32Array(count * d);
  const full = 2 ** size;
  let p = 0;
  for (let m = 0; m < full; m++, p++) {
    for (let r = 0; r < size; r++) if ((m >> r) & 1) out.fill(1, p * d + r * size, p * d + (r + 1) * size);
  }
  for (let m = 1; m < full - 1; m++, p++) {
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) if ((m >> c) & 1) out[p * d + r * size + c] = 1;
    }
  }
  return out;
}

/** n patterns drawn independently and uniformly from `barsAndStripes(size)`; [n, size*size]. */
export function sampleBarsAndStripes(n: number, size: number, seed: number): Float32Array {
  checkCount('sampleBarsAndStripes', n);
  const all = barsAndStripes(size);
  const d = size * size;
  const count = all.length / d;
  const rng = new Rng(seed);
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const k = rng.int(0, count);
    out.set(all.subarray(k * d, (k + 1) * d), i * d);
  }
  return out;
}
