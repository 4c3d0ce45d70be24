import { barsAndStripes } from '../../../datasets/synthetic.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import type { Rng } from '../../basics/rng.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor } from '../../basics/wire.ts';

const binary = (rng: Rng, rows: number, cols: number, p = 0.5) => tensor([rows, cols], Float32Array.from({ length: rows * cols }, () => (rng.uniform() < p ? 1 : 0)));

/** A small RBM (nv = 4, nh = 3) with weights N(0, scale²). */
function small(rng: Rng, scale: number) {
  return { w: normalTensor(rng, [4, 3], scale), b: normalTensor(rng, [4], scale / 2), c: normalTensor(rng, [3], scale / 2) };
}

/** `rows` rows, each one of `distinct` fixed binary vectors of length nv (so the judge enumerates few). */
function batchOf(rng: Rng, rows: number, distinct: number, nv: number) {
  const pool = Array.from({ length: distinct }, () => Array.from({ length: nv }, () => (rng.uniform() < 0.5 ? 1 : 0)));
  return tensor([rows, nv], Array.from({ length: rows }, () => pool[rng.int(0, distinct)]!).flat());
}

export const cases: Record<string, CaseRecipe> = {
  hidden: (rng) => [
    { label: 'v [5, 6] binary, W [6, 4]', args: [binary(rng, 5, 6), normalTensor(rng, [6, 4]), normalTensor(rng, [4])] },
    { label: 'v of probabilities [3, 9], W [9, 8]', args: [tensor([3, 9], rng.uniforms(27)), normalTensor(rng, [9, 8], 2), normalTensor(rng, [8])] },
  ],
  visible: (rng) => [
    { label: 'h [5, 4] binary, W [6, 4]', args: [binary(rng, 5, 4), normalTensor(rng, [6, 4]), normalTensor(rng, [6])] },
    { label: 'h [2, 8], W [9, 8] (non-square: W is not transposed for you)', args: [binary(rng, 2, 8), normalTensor(rng, [9, 8], 2), normalTensor(rng, [9])] },
  ],
  /** 20000 chains of block Gibbs from uniform random v: args [v0, w, b, c, steps]. */
  blockGibbs: (rng) => {
    const m = small(rng, 1);
    return [{ label: 'nv = 4, nh = 3, 20000 chains from uniform random v, 4 block-Gibbs steps', args: [binary(rng, 20000, 4), m.w, m.b, m.c, 4, rng.seed32()] }];
  },
  /** cdGradient on 6000 rows drawn from 6 distinct vectors: args [v0, w, b, c, k, seed]. */
  cdMoments: (rng) => {
    const m1 = small(rng, 1);
    const m2 = small(rng, 1);
    return [
      { label: 'CD-1, nv = 4, nh = 3, batch of 6000 rows', args: [batchOf(rng, 6000, 6, 4), m1.w, m1.b, m1.c, 1, rng.seed32()] },
      { label: 'CD-3, nv = 4, nh = 3, batch of 6000 rows', args: [batchOf(rng, 6000, 6, 4), m2.w, m2.b, m2.c, 3, rng.seed32()] },
    ];
  },
  /** 3000 full-batch CD-1 steps (lr 0.2) on all 14 bars-and-stripes patterns of 3×3, 8 hidden units. */
  /** sampleBernoulli on 2000 probabilities, with the seed twice and the next seed: args [p, seed]. */
  seedProbeBernoulli: (rng) => [{ label: 'p [50, 40] uniform in (0, 1)', args: [tensor([50, 40], rng.uniforms(2000)), rng.seed32()] }],
  /** CD-1 on 200 rows, with the seed twice and the next seed: args [v0, w, b, c, k, seed]. */
  seedProbeCd: (rng) => {
    const m = small(rng, 1);
    return [{ label: 'CD-1, nv = 4, nh = 3, batch of 200 rows', args: [batchOf(rng, 200, 6, 4), m.w, m.b, m.c, 1, rng.seed32()] }];
  },
  train: (rng) => {
    const data = barsAndStripes(3);
    return [{ label: 'bars and stripes 3×3 (14 patterns), 8 hidden units, 3000 CD-1 steps, lr 0.2', args: [tensor([14, 9], data), normalTensor(rng, [9, 8], 0.1), tensor([9], new Float32Array(9)), tensor([8], new Float32Array(8)), 3000, 0.2, 1, rng.seed32()] }];
  },
};
