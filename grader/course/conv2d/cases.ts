import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';
import type { Case } from '../../basics/wire.ts';

/** One conv2d configuration: x [n, h, w, c1], kernel k1×k2 → c2 channels, stride [s1, s2], pad [p1, p2]. */
export interface Conv {
  n: number; h: number; w: number; c1: number;
  k1: number; k2: number; c2: number;
  s: [number, number]; p: [number, number];
}

export const conv = (n: number, h: number, w: number, c1: number, k1: number, k2: number, c2: number, s: [number, number], p: [number, number]): Conv => ({ n, h, w, c1, k1, k2, c2, s, p });

/** x ~ N(0, 1), w ~ N(0, 1/(k1·k2·C1)) (outputs of order 1), b ~ N(0, 0.5²). */
export function convCase(rng: Rng, c: Conv): Case {
  const label = `x [${c.n},${c.h},${c.w},${c.c1}], w [${c.k1},${c.k2},${c.c1},${c.c2}], stride [${c.s}], pad [${c.p}]`;
  const r = rng.fork(label);
  return {
    label,
    args: [
      normalTensor(r, [c.n, c.h, c.w, c.c1]),
      normalTensor(r, [c.k1, c.k2, c.c1, c.c2], 1 / Math.sqrt(c.k1 * c.k2 * c.c1)),
      normalTensor(r, [c.c2], 0.5),
      [...c.s],
      [...c.p],
    ],
  };
}

/**
 * Stride 1: non-square images and kernels, one and several input channels, batches of one
 * and two, padding 0..2 with different row and column padding (rows only, columns only,
 * both).
 */
const STRIDE_1: Conv[] = [
  conv(1, 5, 7, 1, 3, 3, 2, [1, 1], [0, 0]),
  conv(2, 6, 5, 3, 3, 2, 4, [1, 1], [1, 0]),
  conv(1, 4, 6, 2, 2, 3, 3, [1, 1], [0, 2]),
  conv(2, 5, 5, 2, 3, 3, 2, [1, 1], [2, 1]),
  conv(1, 4, 5, 3, 1, 1, 2, [1, 1], [1, 2]),
];

/** Stride 2 in the rows only, in the columns only and in both, with and without padding; sizes that do not divide. */
const STRIDE_2: Conv[] = [
  conv(1, 7, 6, 1, 3, 3, 2, [2, 1], [0, 0]),
  conv(2, 6, 7, 3, 2, 3, 2, [1, 2], [1, 0]),
  conv(1, 8, 9, 2, 3, 2, 3, [2, 2], [1, 2]),
  conv(2, 5, 6, 1, 1, 1, 2, [2, 2], [0, 0]),
  conv(1, 6, 6, 2, 4, 4, 2, [2, 2], [2, 2]),
  conv(1, 5, 8, 2, 2, 3, 1, [2, 1], [0, 1]),
];

/** A kernel as large as the padded image (1×1 output), for the gradient check; the hidden check has its own. */
const WHOLE_IMAGE_GRADIENT = conv(2, 2, 3, 1, 4, 3, 2, [1, 2], [1, 0]);

export const cases: Record<string, CaseRecipe> = {
  stride1: (rng) => STRIDE_1.map((c) => convCase(rng, c)),
  stride2: (rng) => STRIDE_2.map((c) => convCase(rng, c)),
  /** Gradients w.r.t. x, w and b: strides 1 and 2 per direction, unequal padding, C1 = 1 and 3. */
  gradient: (rng) => [STRIDE_1[1]!, STRIDE_1[3]!, STRIDE_2[0]!, STRIDE_2[1]!, STRIDE_2[2]!, WHOLE_IMAGE_GRADIENT].map((c) => convCase(rng, c)),
  api: (rng) => [convCase(rng, STRIDE_2[2]!)],
};
