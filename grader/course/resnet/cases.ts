import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { mnistCase, normalTensor } from '../../inputs/shared.ts';
import type { Case } from '../../basics/wire.ts';

/** residualBlock(x [n, h, w, c], {w1 [3, 3, c, f], b1 [f], w2 [3, 3, f, c], b2 [c]}), He-scaled weights, non-zero biases. */
function blockCase(rng: Rng, [n, h, w, c]: [number, number, number, number], f: number): Case {
  const r = rng.fork(`${n}x${h}x${w}x${c}/${f}`);
  return {
    label: `x [${n}, ${h}, ${w}, ${c}], ${f} hidden maps`,
    args: [
      normalTensor(r, [n, h, w, c]),
      {
        w1: normalTensor(r, [3, 3, c, f], Math.sqrt(2 / (9 * c))),
        b1: normalTensor(r, [f], 0.2),
        w2: normalTensor(r, [3, 3, f, c], Math.sqrt(2 / (9 * f))),
        b2: normalTensor(r, [c], 0.2),
      },
    ],
  };
}

/** Square and non-square images, one and many channels, c = f and c ≠ f, a 1×1 image (all padding), N = 1. */
const BLOCKS: [[number, number, number, number], number][] = [
  [[2, 6, 6, 4], 4],
  [[1, 5, 7, 3], 5],
  [[3, 4, 4, 1], 2],
  [[2, 1, 1, 3], 3],
  [[1, 8, 8, 8], 8],
];

export const cases: Record<string, CaseRecipe> = {
  residualBlock: (rng) => BLOCKS.map(([shape, f]) => blockCase(rng, shape, f)),
  residualBlockGradient: (rng) => BLOCKS.slice(0, 3).map(([shape, f]) => blockCase(rng, shape, f)),
  /** The MNIST split: training images and labels, test images (test labels held back), rows of 784 pixels. */
  trainModel: () => [mnistCase()],
  /** No arguments: the model is built from the grading seed (structure and seed checks). */
  model: () => [{ label: 'buildResNet(seed)', args: [] }],
};
