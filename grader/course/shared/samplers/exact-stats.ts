/**
 * Exact-target statistics for the sampler judges, in float64 plain JS: chi-square goodness of
 * fit (with sparse cells merged), Kolmogorov–Smirnov against an exact CDF, Student's t, the
 * normal CDF. Special functions follow Numerical Recipes (3rd ed., §6.1–6.4, §14.3).
 */
import { erfc } from '../../../judges/stats.ts';

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error ~1e-15). */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): series below a + 1, continued fraction above. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 10000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.min(1, Math.exp(lead) * h);
}

/** P(χ²_df ≥ x). */
export function chiSquareSurvival(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

/** Regularized incomplete beta I_x(a, b) (continued fraction, NR betacf). */
export function betaI(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  const cf = (x: number, a: number, b: number): number => {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    let h = d;
    for (let m = 1; m < 10000; m++) {
      const m2 = 2 * m;
      let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      h *= d * c;
      aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      const del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-16) break;
    }
    return h;
  };
  return x < (a + 1) / (a + b + 2) ? (front * cf(x, a, b)) / a : 1 - (front * cf(1 - x, b, a)) / b;
}

/** Two-sided P(|T| ≥ |t|) for Student's t with df degrees of freedom. */
export function studentTTwoSidedP(t: number, df: number): number {
  return betaI(df / (df + t * t), df / 2, 0.5);
}

/** Standard normal CDF. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Two-sided normal p-value of a z-score. */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** Kolmogorov's limiting survival function Q(λ) = 2 Σ (−1)^(k−1) exp(−2k²λ²). */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k < 200; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-18) break;
  }
  return Math.max(0, Math.min(1, 2 * sum));
}

export interface KsResult {
  /** sup |F_n − F|. */
  d: number;
  /** Where the largest gap is, and on which side: the sample CDF above (too many values below x) or below. */
  at: number;
  sampleAbove: boolean;
  p: number;
  n: number;
}

/** One-sample KS test against an exact continuous CDF; p from Q((√n + 0.12 + 0.11/√n)·D) (Stephens). */
export function ksTest(samples: ArrayLike<number>, cdf: (x: number) => number): KsResult {
  const xs = Float64Array.from(samples).sort();
  const n = xs.length;
  let d = 0;
  let at = NaN;
  let sampleAbove = false;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!);
    const above = (i + 1) / n - f;
    const below = f - i / n;
    if (above > d) [d, at, sampleAbove] = [above, xs[i]!, true];
    if (below > d) [d, at, sampleAbove] = [below, xs[i]!, false];
  }
  if (xs.some((x) => !Number.isFinite(x))) return { d: 1, at: NaN, sampleAbove: false, p: 0, n };
  const en = Math.sqrt(n);
  return { d, at, sampleAbove, p: kolmogorovSurvival((en + 0.12 + 0.11 / en) * d), n };
}

export interface Cell {
  /** What the student reads: a state such as "+−+−" or "x = 3". */
  name: string;
  observed: number;
  expected: number;
}

export interface ChiSquareResult {
  stat: number;
  df: number;
  p: number;
  /** Cells after merging, sorted by |standardised residual|, largest first. */
  worst: Cell[];
  merged: number;
}

/**
 * Pearson's chi-square goodness of fit of counts against exact probabilities. Cells whose
 * expected count is below `minExpected` are pooled (smallest first) until every cell,
 * the pool included, reaches it, so the χ² approximation holds (Cochran's rule).
 * Probabilities must sum to 1; a count outside every cell should be given its own cell with p = 0.
 */
export function chiSquareTest(counts: ArrayLike<number>, probs: ArrayLike<number>, names: (i: number) => string, minExpected = 5): ChiSquareResult {
  const total = Array.from(counts).reduce((a, b) => a + b, 0);
  const cells: Cell[] = Array.from(probs, (p, i) => ({ name: names(i), observed: counts[i]!, expected: total * p }));
  // Observations in an impossible cell fail at once.
  const impossible = cells.filter((c) => c.expected === 0 && c.observed > 0);
  if (impossible.length > 0) return { stat: Infinity, df: cells.length - 1, p: 0, worst: impossible, merged: 0 };
  const big = cells.filter((c) => c.expected >= minExpected).sort((a, b) => a.expected - b.expected);
  const small = cells.filter((c) => c.expected < minExpected && c.expected > 0);
  let merged = 0;
  if (small.length > 0) {
    const pool: Cell = { name: `the ${small.length} least likely states together`, observed: 0, expected: 0 };
    for (const c of small) {
      pool.observed += c.observed;
      pool.expected += c.expected;
    }
    merged = small.length;
    while (pool.expected < minExpected && big.length > 0) {
      const c = big.shift()!;
      pool.observed += c.observed;
      pool.expected += c.expected;
      merged++;
      pool.name = `the ${merged} least likely states together`;
    }
    big.push(pool);
  }
  let stat = 0;
  for (const c of big) stat += (c.observed - c.expected) ** 2 / c.expected;
  const df = big.length - 1;
  const p = df > 0 ? chiSquareSurvival(stat, df) : 1;
  const worst = [...big].sort((a, b) => Math.abs(b.observed - b.expected) / Math.sqrt(b.expected) - Math.abs(a.observed - a.expected) / Math.sqrt(a.expected));
  return { stat, df, p, worst, merged };
}

/** "state +−+ seen 412 times, expected 310.2 (over-represented)" for the worst few cells. */
export function describeCells(worst: Cell[], k = 3): string {
  return worst
    .slice(0, k)
    .map((c) => `${c.name} seen ${c.observed} times, expected ${c.expected.toFixed(1)} (${c.observed > c.expected ? 'over' : 'under'}-represented)`)
    .join('; ');
}

/** "p = 3e-12: a correct sampler would give counts this far from the exact distribution with probability 3e-12". */
export function pMeaning(p: number, what: string): string {
  return `p = ${p.toPrecision(2)}: a correct ${what} lands this far from the exact distribution with probability ${p.toPrecision(2)}`;
}
