/**
 * Exact distributions of a small Boltzmann machine on {−1, 1}ⁿ, by enumerating all 2ⁿ states.
 * State s has unit i = +1 when bit i of s is set.
 */

export const unitOf = (s: number, i: number): number => ((s >> i) & 1 ? 1 : -1);

export function stateName(s: number, n: number): string {
  return `state ${Array.from({ length: n }, (_, i) => (unitOf(s, i) > 0 ? '+' : '−')).join('')}`;
}

/** The index of the state in row r of a flat [B, n] array of ±1; −1 when a value is not ±1. */
export function stateIndex(x: ArrayLike<number>, r: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = x[r * n + i];
    if (v === 1) s |= 1 << i;
    else if (v !== -1) return -1;
  }
  return s;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** p(x) ∝ exp(½ xᵀWx + biasᵀx) over all 2ⁿ states. */
export function boltzmannDistribution(w: ArrayLike<number>, bias: ArrayLike<number>, n: number): Float64Array {
  const logp = new Float64Array(1 << n);
  for (let s = 0; s < 1 << n; s++) {
    let e = 0;
    for (let i = 0; i < n; i++) {
      e += bias[i]! * unitOf(s, i);
      for (let j = 0; j < n; j++) if (j !== i) e += 0.5 * w[i * n + j]! * unitOf(s, i) * unitOf(s, j);
    }
    logp[s] = e;
  }
  const max = Math.max(...logp);
  let z = 0;
  for (let s = 0; s < logp.length; s++) z += (logp[s] = Math.exp(logp[s]! - max));
  return logp.map((v) => v / z);
}

/**
 * The exact distribution after `sweeps` systematic-scan Gibbs sweeps (units 0 … n−1 in order,
 * p(xᵢ = +1 | rest) = σ(2((Wx)ᵢ + biasᵢ))) from the distribution `p0`.
 * `updatesPerSweep` < n models a sampler that resamples only units 0 … k−1.
 */
export function afterSweeps(p0: Float64Array, w: ArrayLike<number>, bias: ArrayLike<number>, n: number, sweeps: number): Float64Array {
  let p = Float64Array.from(p0);
  for (let t = 0; t < sweeps; t++) {
    for (let i = 0; i < n; i++) {
      const q = new Float64Array(p.length);
      for (let s = 0; s < p.length; s++) {
        if (p[s] === 0) continue;
        let h = bias[i]!;
        for (let j = 0; j < n; j++) if (j !== i) h += w[i * n + j]! * unitOf(s, j);
        const up = sigmoid(2 * h);
        q[s | (1 << i)] += p[s]! * up;
        q[s & ~(1 << i)] += p[s]! * (1 - up);
      }
      p = q;
    }
  }
  return p;
}

export function totalVariation(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) d += Math.abs(p[i]! - q[i]!);
  return d / 2;
}
