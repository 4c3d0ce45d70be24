import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor, type Case, type WireTensor } from '../../basics/wire.ts';

/** One max-pool configuration: x [n, h, w, c], window k×k, stride s. */
export type Pool = [n: number, h: number, w: number, c: number, k: number, s: number];

const label = ([n, h, w, c, k, s]: Pool, what: string): string => `x [${n},${h},${w},${c}] ${what}, k=${k}, stride=${s}`;

/**
 * Windows that tile (k = s), overlap (k > s) and skip (k < s); non-square images whose size
 * the stride does not divide; one and several channels; batches of one and two; k = 1.
 */
const CONFIGS: Pool[] = [
  [1, 4, 4, 1, 2, 2],
  [2, 5, 7, 3, 2, 2],
  [1, 6, 5, 2, 3, 1],
  [2, 7, 6, 1, 3, 2],
  [1, 5, 6, 2, 2, 3],
  [2, 4, 5, 2, 1, 1],
];

export function normalCase(rng: Rng, p: Pool, std = 1, mean = 0): Case {
  const what = mean < 0 ? 'all negative' : 'N(0, 1)';
  const l = label(p, what);
  const [n, h, w, c, k, s] = p;
  const x = normalTensor(rng.fork(l), [n, h, w, c], std, mean);
  if (mean < 0) x.$tensor.data.forEach((v, i, a) => (a[i] = -Math.abs(v) - 0.01));
  return { label: l, args: [x, k, s] };
}

/**
 * Ties that a fair tie rule must resolve one way: distinct values, then some pairs of
 * neighbours (right or below) made equal. No value occurs more than twice, so a window has
 * at most two maxima, and a rule that sends a window's gradient to one of them is either
 * "first" or "last" in row-major order.
 */
function pairedTies(rng: Rng, [n, h, w, c]: Pool): WireTensor {
  const size = n * h * w * c;
  const perm = rng.permutation(size);
  const data = Array.from(perm, (v) => (v - size / 2) / 4); // distinct, exact in float32
  const at = (b: number, i: number, j: number, ch: number): number => ((b * h + i) * w + j) * c + ch;
  const used = new Uint8Array(size);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      for (let i = 0; i < h; i++) {
        for (let j = 0; j < w; j++) {
          const a = at(b, i, j, ch);
          if (used[a] || rng.uniform() < 0.3) continue;
          const right = j + 1 < w ? at(b, i, j + 1, ch) : -1;
          const below = i + 1 < h ? at(b, i + 1, j, ch) : -1;
          const to = rng.uniform() < 0.5 ? right : below;
          if (to < 0 || used[to]) continue;
          data[to] = data[a]!;
          used[a] = used[to] = 1;
        }
      }
    }
  }
  return tensor([n, h, w, c], data);
}

/** max(0, z − 0.5): the output of a ReLU, where windows of zeros tie k² ways. */
function reluLike(rng: Rng, [n, h, w, c]: Pool): WireTensor {
  const x = normalTensor(rng, [n, h, w, c]);
  x.$tensor.data.forEach((v, i, a) => (a[i] = Math.max(0, v - 0.5)));
  return x;
}

export const cases: Record<string, CaseRecipe> = {
  output: (rng) => [...CONFIGS.map((p) => normalCase(rng, p)), normalCase(rng, CONFIGS[3]!, 1, -1)],
  /** Continuous values (no ties, almost surely): every tie rule gives the same gradient. */
  gradient: (rng) => [CONFIGS[1]!, CONFIGS[2]!, CONFIGS[3]!, CONFIGS[4]!].map((p) => normalCase(rng, p)),
  /** Repeated values: pairs of equal neighbours, and a ReLU output with windows of zeros. */
  ties: (rng) => [
    ...[CONFIGS[0]!, CONFIGS[1]!, CONFIGS[2]!, CONFIGS[3]!].map((p) => ({ label: label(p, 'with pairs of equal neighbours'), args: [pairedTies(rng.fork(label(p, 'pairs')), p), p[4], p[5]] })),
    ...[CONFIGS[1]!, CONFIGS[2]!].map((p) => ({ label: label(p, 'ReLU output (windows of zeros)'), args: [reluLike(rng.fork(label(p, 'relu')), p), p[4], p[5]] })),
  ],
  api: (rng) => [normalCase(rng, CONFIGS[3]!)],
};
