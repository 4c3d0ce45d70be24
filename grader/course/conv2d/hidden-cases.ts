import type { CaseRecipe } from '../../inputs/types.ts';
import { conv, convCase, type Conv } from './cases.ts';

/** A kernel as large as the (padded) image: a 1×1 output, which the notes' size makes 0×0. */
const WHOLE_IMAGE: Conv[] = [
  conv(1, 3, 4, 2, 3, 4, 2, [1, 1], [0, 0]),
  conv(2, 2, 3, 1, 4, 3, 2, [1, 2], [1, 0]),
];

export const cases: Record<string, CaseRecipe> = {
  wholeImage: (rng) => WHOLE_IMAGE.map((c) => convCase(rng, c)),
};
