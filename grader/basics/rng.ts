import seedrandom from 'seedrandom';

/**
 * A seeded random source in plain JS, so that a check's inputs are the same bits on every
 * backend and in every process. Derive sub-streams with `fork(label)` so that adding a case
 * does not shift the draws of the others.
 */
export class Rng {
  private readonly next: () => number;
  private spareNormal: number | null = null;

  constructor(readonly seed: number | string) {
    this.next = seedrandom(String(seed));
  }

  /** An independent stream named by `label`, the same for the same seed and label. */
  fork(label: string): Rng {
    return new Rng(`${this.seed}/${label}`);
  }

  /** Uniform in [lo, hi). */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal by Box–Muller. */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  /** Integer in [lo, hi). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo));
  }

  /** A 32-bit seed for a tfjs random op (never 0, which tfjs reads as "unseeded"). */
  seed32(): number {
    return 1 + Math.floor(this.next() * 0x7ffffffe);
  }

  normals(n: number, mean = 0, std = 1): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.normal(mean, std);
    return out;
  }

  uniforms(n: number, lo = 0, hi = 1): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform(lo, hi);
    return out;
  }

  ints(n: number, lo: number, hi: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(lo, hi);
    return out;
  }

  /** A seeded permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
    return p;
  }

  /** Replaces Math.random with this stream (tfjs's fit() shuffles with Math.random). */
  installAsMathRandom(): void {
    Math.random = this.next;
  }
}
