import type { CaseRecipe } from './types.ts';
import { vaeMnistCase } from './vae-data.ts';

export const cases: Record<string, CaseRecipe> = {
  /** The binarised MNIST subsets with one-hot labels: train the conditional VAE, score it on the test split. */
  train: () => [vaeMnistCase(true)],
};
