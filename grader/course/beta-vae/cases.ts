import type { CaseRecipe } from '../../inputs/types.ts';
import { vaeMnistCase } from '../shared/vae-family/data.ts';

export const cases: Record<string, CaseRecipe> = {
  /** The binarised MNIST subsets a VAE is trained and tested on. */
  train: () => [vaeMnistCase()],
  /** buildVae's arguments before the seed (the seed is the grading seed): latentDim. */
  model: () => [{ label: 'buildVae(16, seed)', args: [16] }],
};
