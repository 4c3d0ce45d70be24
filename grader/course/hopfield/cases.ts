import type { CaseRecipe } from '../../inputs/types.ts';
import type { Rng } from '../../basics/rng.ts';
import { tensor, type WireTensor } from '../../basics/wire.ts';

const pmArray = (rng: Rng, n: number) => Float32Array.from({ length: n }, () => (rng.uniform() < 0.5 ? -1 : 1));
const pm = (rng: Rng, shape: number[]) => tensor(shape, pmArray(rng, shape.reduce((a, b) => a * b, 1)));

/** W = (1/n)·Σ xₚxₚᵀ, zero diagonal, computed here in float64 then stored as float32. */
export function hebbian(patterns: Float32Array, p: number, n: number): WireTensor {
  const w = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      let s = 0;
      for (let k = 0; k < p; k++) s += patterns[k * n + i]! * patterns[k * n + j]!;
      w[i * n + j] = s / n;
    }
  }
  return tensor([n, n], w);
}

/** A random symmetric W with zero diagonal, entries N(0, 1/n): a spin glass, many local minima. */
function spinGlass(rng: Rng, n: number): WireTensor {
  const w = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) w[i * n + j] = w[j * n + i] = rng.normal(0, 1 / Math.sqrt(n));
  return tensor([n, n], w);
}

export const cases: Record<string, CaseRecipe> = {
  hebbian: (rng) => [
    { label: '3 patterns of 8 units', args: [pm(rng, [3, 8])] },
    { label: '10 patterns of 50 units', args: [pm(rng, [10, 50])] },
    { label: 'one pattern of 5 units', args: [pm(rng, [1, 5])] },
  ],
  energy: (rng) => {
    const pats = pmArray(rng, 4 * 20);
    return [
      { label: '6 states of 20 units, Hebbian W of 4 patterns', args: [pm(rng, [6, 20]), hebbian(pats, 4, 20)] },
      { label: 'the stored patterns themselves', args: [tensor([4, 20], pats), hebbian(pats, 4, 20)] },
      { label: 'spin-glass W', args: [pm(rng, [5, 12]), spinGlass(rng, 12)] },
    ];
  },
  /** recall(x, w, 1, seed + s) for s = 0..sweeps−1 from random starts: the energy after each sweep. */
  descent: (rng) => {
    const pats = pmArray(rng, 12 * 60);
    return [
      { label: 'Hebbian W of 12 patterns on 60 units, 30 random starts', args: [pm(rng, [30, 60]), hebbian(pats, 12, 60), 6, rng.seed32()] },
      { label: 'spin-glass W on 40 units, 30 random starts', args: [pm(rng, [30, 40]), spinGlass(rng, 40), 6, rng.seed32()] },
      { label: 'W = 0 (every (Wx)ᵢ is 0: x must stay as it is)', args: [pm(rng, [4, 10]), tensor([10, 10], new Float32Array(100)), 2, rng.seed32()] },
    ];
  },
  /** One sweep of recall on a spin glass from random starts, run with the seed twice and with the next seed: args [x0, w, sweeps, seed]. */
  seedProbe: (rng) => [{ label: 'spin-glass W on 40 units, 30 random starts, 1 sweep', args: [pm(rng, [30, 40]), spinGlass(rng, 40), 1, rng.seed32()] }],
  /** recall with sweeps = 0, 1 and 3 from the same starts and seed: args [x0, w, seed]. */
  sweepsProbe: (rng) => [{ label: 'spin-glass W on 40 units, 30 random starts', args: [pm(rng, [30, 40]), spinGlass(rng, 40), rng.seed32()] }],
  /** 5 random patterns on 100 units (load 0.05), each corrupted 4 times in 10 random units. */
  recovery: (rng) => {
    const n = 100, p = 5, copies = 4;
    const pats = pmArray(rng, p * n);
    const probes = new Float32Array(p * copies * n);
    const truth = new Float32Array(p * copies * n);
    for (let k = 0; k < p * copies; k++) {
      const src = pats.subarray((k % p) * n, (k % p + 1) * n);
      probes.set(src, k * n);
      truth.set(src, k * n);
      for (const i of rng.permutation(n).subarray(0, n / 10)) probes[k * n + i] = -probes[k * n + i]!;
    }
    return [{ label: '20 probes: 5 patterns of 100 units, 10% of units flipped', args: [tensor([p * copies, n], probes), hebbian(pats, p, n), 5, rng.seed32()], answers: tensor([p * copies, n], truth) }];
  },
};
