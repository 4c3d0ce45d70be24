/**
 * Exact quantities of a small binary RBM (E = −vᵀWh − bᵀv − cᵀh, W [nv, nh] row-major) by
 * enumeration, in float64. State v has unit i = 1 when bit i is set; likewise h.
 */

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
export const bit = (s: number, i: number) => (s >> i) & 1;

export interface Rbm {
  w: ArrayLike<number>;
  b: ArrayLike<number>;
  c: ArrayLike<number>;
  nv: number;
  nh: number;
}

/** p(hⱼ = 1 | v) for each j. */
export function hGivenV(m: Rbm, v: number): number[] {
  return Array.from({ length: m.nh }, (_, j) => {
    let z = m.c[j]!;
    for (let i = 0; i < m.nv; i++) if (bit(v, i)) z += m.w[i * m.nh + j]!;
    return sigmoid(z);
  });
}

export function vGivenH(m: Rbm, h: number): number[] {
  return Array.from({ length: m.nv }, (_, i) => {
    let z = m.b[i]!;
    for (let j = 0; j < m.nh; j++) if (bit(h, j)) z += m.w[i * m.nh + j]!;
    return sigmoid(z);
  });
}

/** Probability of the binary state s under independent unit probabilities p. */
export function stateProb(p: number[], s: number): number {
  return p.reduce((acc, pi, i) => acc * (bit(s, i) ? pi : 1 - pi), 1);
}

/** −F(v) = bᵀv + Σⱼ softplus(cⱼ + (vW)ⱼ): log p(v) + log Z. */
export function negFreeEnergy(m: Rbm, v: number): number {
  let s = 0;
  for (let i = 0; i < m.nv; i++) if (bit(v, i)) s += m.b[i]!;
  for (let j = 0; j < m.nh; j++) {
    let z = m.c[j]!;
    for (let i = 0; i < m.nv; i++) if (bit(v, i)) z += m.w[i * m.nh + j]!;
    s += softplus(z);
  }
  return s;
}

/** log Z = log Σ_v e^−F(v), over all 2^nv visible states. */
export function logPartition(m: Rbm): number {
  const a = Array.from({ length: 1 << m.nv }, (_, v) => negFreeEnergy(m, v));
  const mx = Math.max(...a);
  return mx + Math.log(a.reduce((s, x) => s + Math.exp(x - mx), 0));
}

/** Mean exact log-likelihood of binary rows (flat [N, nv] of 0/1). */
export function meanLogLikelihood(m: Rbm, data: ArrayLike<number>): number {
  const logZ = logPartition(m);
  const n = data.length / m.nv;
  let s = 0;
  for (let r = 0; r < n; r++) {
    let v = 0;
    for (let i = 0; i < m.nv; i++) if (data[r * m.nv + i]! > 0.5) v |= 1 << i;
    s += negFreeEnergy(m, v) - logZ;
  }
  return s / n;
}

/** The visible transition T(v → v′) = Σ_h p(h|v) p(v′|h), [2^nv][2^nv]. */
export function visibleKernel(m: Rbm): number[][] {
  const nV = 1 << m.nv, nH = 1 << m.nh;
  const pvh = Array.from({ length: nH }, (_, h) => vGivenH(m, h));
  return Array.from({ length: nV }, (_, v) => {
    const ph = hGivenV(m, v);
    const row = new Array<number>(nV).fill(0);
    for (let h = 0; h < nH; h++) {
      const wh = stateProb(ph, h);
      for (let v2 = 0; v2 < nV; v2++) row[v2] += wh * stateProb(pvh[h]!, v2);
    }
    return row;
  });
}

/**
 * The exact joint of (v, h) after `steps` block-Gibbs steps (h ~ p(h|v), then v ~ p(v|h)) from a
 * visible distribution pv0; state index v + 2^nv·h.
 */
export function jointAfterSteps(m: Rbm, pv0: number[], steps: number): Float64Array {
  const nV = 1 << m.nv, nH = 1 << m.nh;
  const t = visibleKernel(m);
  let pv = pv0.slice();
  for (let s = 0; s < steps - 1; s++) pv = pv.map((_, v2) => pv.reduce((acc, p, v) => acc + p * t[v]![v2]!, 0));
  const joint = new Float64Array(nV * nH);
  const pvh = Array.from({ length: nH }, (_, h) => vGivenH(m, h));
  for (let v = 0; v < nV; v++) {
    if (pv[v] === 0) continue;
    const ph = hGivenV(m, v);
    for (let h = 0; h < nH; h++) {
      const wh = pv[v]! * stateProb(ph, h);
      for (let v2 = 0; v2 < nV; v2++) joint[v2 + nV * h] += wh * stateProb(pvh[h]!, v2);
    }
  }
  return joint;
}

/** The exact RBM joint p(v, h) ∝ exp(vᵀWh + bᵀv + cᵀh), index v + 2^nv·h. */
export function exactJoint(m: Rbm): Float64Array {
  const nV = 1 << m.nv, nH = 1 << m.nh;
  const out = new Float64Array(nV * nH);
  let z = 0;
  for (let h = 0; h < nH; h++) {
    for (let v = 0; v < nV; v++) {
      let e = 0;
      for (let i = 0; i < m.nv; i++) if (bit(v, i)) e += m.b[i]!;
      for (let j = 0; j < m.nh; j++) {
        if (!bit(h, j)) continue;
        e += m.c[j]!;
        for (let i = 0; i < m.nv; i++) if (bit(v, i)) e += m.w[i * m.nh + j]!;
      }
      z += out[v + nV * h] = Math.exp(e);
    }
  }
  return out.map((x) => x / z);
}

/**
 * Exact mean and variance of each component of the CD-k gradient for ONE data vector v0
 * (hidden probabilities in both statistics, v_k sampled by k block-Gibbs steps): per component
 * of [dW (nv·nh, row-major), db (nv), dc (nh)].
 */
export function cdMoments(m: Rbm, v0: number, k: number, t = visibleKernel(m)): { mean: number[]; variance: number[] } {
  const nV = 1 << m.nv;
  let pv: number[] = Array.from({ length: nV }, (_, v) => (v === v0 ? 1 : 0));
  for (let s = 0; s < k; s++) pv = pv.map((_, v2) => pv.reduce((acc: number, p, v) => acc + p * t[v]![v2]!, 0));
  const stat = (v: number): number[] => {
    const ph = hGivenV(m, v);
    const dW: number[] = [];
    for (let i = 0; i < m.nv; i++) for (let j = 0; j < m.nh; j++) dW.push(bit(v, i) * ph[j]!);
    return [...dW, ...Array.from({ length: m.nv }, (_, i) => bit(v, i)), ...ph];
  };
  const pos = stat(v0);
  const mean = pos.map(() => 0), sq = pos.map(() => 0);
  for (let v = 0; v < nV; v++) {
    if (pv[v] === 0) continue;
    const s = stat(v);
    s.forEach((x, i) => {
      const d = pos[i]! - x;
      mean[i] += pv[v]! * d;
      sq[i] += pv[v]! * d * d;
    });
  }
  return { mean, variance: mean.map((mu, i) => Math.max(0, sq[i]! - mu * mu)) };
}
