import type { CaseRecipe } from '../../inputs/types.ts';
import { mnistCase } from '../../inputs/shared.ts';

export const cases: Record<string, CaseRecipe> = {
  /** The MNIST split: training images and labels, test images (test labels held back). */
  trainModel: () => [mnistCase()],
  /** No arguments: the model is built from the grading seed (structure and seed checks). */
  model: () => [{ label: 'buildMlp(seed)', args: [] }],
};
