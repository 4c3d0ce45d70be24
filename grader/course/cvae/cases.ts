import type { CaseRecipe } from '../../inputs/types.ts';
import { tensor } from '../../basics/wire.ts';
import { vaeMnistCase } from '../shared/vae-family/data.ts';

export const cases: Record<string, CaseRecipe> = {
  /** The binarised MNIST subsets with one-hot labels: train the conditional VAE, score it on the test split. */
  train: () => [vaeMnistCase(true)],
  /** Random binary images, prior codes and one-hot labels for the label probe: args [part, input, y]. */
  labelProbe: (rng) => {
    const n = 20, classes = 10, latent = 2;
    const y = tensor([n, classes], Float32Array.from({ length: n * classes }, (_, k) => (k % classes === (Math.floor(k / classes) % classes) ? 1 : 0)));
    return [
      { label: 'encoder: 20 random binary images with labels 0–9, then each label moved to the next class', args: ['encoder', tensor([n, 784], Float32Array.from({ length: n * 784 }, () => (rng.uniform() < 0.2 ? 1 : 0))), y] },
      { label: 'decoder: 20 codes z ~ N(0, I) with labels 0–9, then each label moved to the next class', args: ['decoder', tensor([n, latent], rng.normals(n * latent)), y] },
    ];
  },
  /** The number of classes the model is built for (its seed is the grading seed). */
  seedProbe: () => [{ label: 'buildCvae(2, 10, seed) twice, and with seed + 1', args: [10] }],
  /** buildCvae's arguments before the seed: latentDim, numClasses. */
  model: () => [{ label: 'buildCvae(2, 10, seed)', args: [2, 10] }],
};
