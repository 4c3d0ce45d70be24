import type { CaseRecipe } from './types.ts';
import { vaeMnistCase } from './vae-data.ts';

export const cases: Record<string, CaseRecipe> = {
  /** The binarised MNIST subsets a VAE is trained and tested on. */
  train: () => [vaeMnistCase()],
};
