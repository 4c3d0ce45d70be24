import type { CaseRecipe } from '../../inputs/types.ts';
import { normalCase, type Pool } from './cases.ts';

/** A window as large as the image (in one or both directions): a 1×1 output, which the notes' size makes 0×0. */
const WHOLE_IMAGE: Pool[] = [
  [1, 3, 4, 1, 3, 3],
  [2, 4, 4, 2, 4, 2],
];

export const cases: Record<string, CaseRecipe> = {
  wholeImage: (rng) => WHOLE_IMAGE.map((p) => normalCase(rng, p)),
};
