import type { CaseRecipe } from '../../inputs/types.ts';
import type { Rng } from '../../basics/rng.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor } from '../../basics/wire.ts';

const binary = (rng: Rng, shape: number[], p = 0.4) => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (rng.uniform() < p ? 1 : 0)));

export const cases: Record<string, CaseRecipe> = {
  /** Binary images [N, 28·28] and [N, 4, 4, 1] (sum over every axis but the batch), logits of scale 3. */
  bernoulli: (rng) => [
    { label: 'x [8, 784], logits ~ N(0, 3²)', args: [binary(rng, [8, 784]), normalTensor(rng, [8, 784], 3)] },
    { label: 'x [3, 4, 4, 1] (image-shaped)', args: [binary(rng, [3, 4, 4, 1]), normalTensor(rng, [3, 4, 4, 1], 2)] },
    { label: 'one example', args: [binary(rng, [1, 10]), normalTensor(rng, [1, 10])] },
  ],
  gaussian: (rng) => [
    { label: 'x, mean [6, 10], logVar ~ N(0, 1)', args: [normalTensor(rng, [6, 10], 2), normalTensor(rng, [6, 10]), normalTensor(rng, [6, 10])] },
    { label: 'x = mean = 0, logVar = 0 (−½·log 2π per dimension)', args: [tensor([2, 3], Array(6).fill(0)), tensor([2, 3], Array(6).fill(0)), tensor([2, 3], Array(6).fill(0))] },
    { label: 'small and large variances, logVar in ±6', args: [normalTensor(rng, [4, 5], 3), normalTensor(rng, [4, 5]), normalTensor(rng, [4, 5], 3)] },
    // Image-shaped, C > 1: a sum over axis 1 only, or the last axis only, gives the wrong shape.
    { label: 'image-shaped x, mean, logVar [3, 4, 2, 2] (sum over every axis but the first)', args: [normalTensor(rng, [3, 4, 2, 2], 2), normalTensor(rng, [3, 4, 2, 2]), normalTensor(rng, [3, 4, 2, 2])] },
  ],
  bernoulliGradient: (rng) => [
    { label: 'x [5, 12], logits ~ N(0, 3²)', args: [binary(rng, [5, 12]), normalTensor(rng, [5, 12], 3)] },
    { label: 'logits ±50', args: [tensor([1, 4], [1, 0, 1, 0]), tensor([1, 4], [50, -50, -50, 50])] },
  ],
  gaussianGradient: (rng) => [{ label: 'x, mean, logVar [4, 6]', args: [normalTensor(rng, [4, 6], 2), normalTensor(rng, [4, 6]), normalTensor(rng, [4, 6])] }],
};
