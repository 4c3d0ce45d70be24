import type { CaseRecipe } from '../../inputs/types.ts';
import { c } from './cases.ts';

export const cases: Record<string, CaseRecipe> = {
  /** Patience 1, a single epoch, a patience longer than training. */
  edges: () => [
    c('patience 1 stops at the first epoch without improvement', [1, 0.8, 0.9, 0.7, 0.6], 1, 0),
    c('patience 1, improving to the end', [1, 0.8, 0.6], 1, 0),
    c('a single epoch', [0.7], 3, 0),
    c('a single epoch, patience 1', [0.7], 1, 0.1),
    c('two epochs, the second worse, patience 1', [0.7, 0.8], 1, 0),
    c('patience longer than training', [1, 1.1, 1.2, 1.3], 10, 0),
    c('patience exactly reached at the last epoch', [1, 1.1, 1.2, 1.3], 3, 0),
  ],
};
