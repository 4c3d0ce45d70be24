import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { mnistCase, normalTensor } from '../../inputs/shared.ts';
import type { Case } from '../../basics/wire.ts';

type Shape = [number, number, number, number];

/** denseBlock(x [n, h, w, c], layers) with growth rates gs: layer i maps c + g₁ + … + gᵢ₋₁ channels to gᵢ with a 3×3 kernel. */
function blockCase(rng: Rng, [n, h, w, c]: Shape, gs: number[]): Case {
  const r = rng.fork(`${n}x${h}x${w}x${c}/${gs}`);
  const x = normalTensor(r, [n, h, w, c]);
  const layers = gs.map((g) => {
    const layer = { w: normalTensor(r, [3, 3, c, g], Math.sqrt(2 / (9 * c))), b: normalTensor(r, [g], 0.2) };
    c += g;
    return layer;
  });
  return { label: `x [${n}, ${h}, ${w}, ${x.$tensor.shape[3]}], growth [${gs}] (${c} channels out)`, args: [x, layers] };
}

/** transition(x [n, h, w, c], {w [1, 1, c, f], b [f]}). */
function transitionCase(rng: Rng, [n, h, w, c]: Shape, f: number): Case {
  const r = rng.fork(`${n}x${h}x${w}x${c}/${f}`);
  return {
    label: `x [${n}, ${h}, ${w}, ${c}] to ${f} maps`,
    args: [normalTensor(r, [n, h, w, c]), { w: normalTensor(r, [1, 1, c, f], Math.sqrt(1 / c)), b: normalTensor(r, [f], 0.2) }],
  };
}

/** Two and three layers, uneven growth, one layer, one input channel, non-square images, N = 1, an empty block. */
const BLOCKS: [Shape, number[]][] = [
  [[2, 5, 5, 3], [4, 4]],
  [[1, 6, 4, 2], [3, 2, 5]],
  [[2, 4, 4, 1], [2, 2]],
  [[2, 4, 4, 6], [6]],
  [[1, 3, 3, 2], []],
];

/** Even and odd sizes (an odd last row or column is dropped by the 2×2 pooling), F < C and F = C, a 2×2 image. */
const TRANSITIONS: [Shape, number][] = [
  [[2, 6, 6, 5], 3],
  [[1, 7, 5, 4], 2],
  [[2, 4, 8, 4], 4],
  [[3, 2, 2, 1], 1],
];

export const cases: Record<string, CaseRecipe> = {
  denseBlock: (rng) => BLOCKS.map(([shape, gs]) => blockCase(rng, shape, gs)),
  /** Two-layer blocks only, so that every case has the paths 1.0.w … 1.1.b. */
  denseBlockGradient: (rng) => BLOCKS.filter(([, gs]) => gs.length === 2).map(([shape, gs]) => blockCase(rng, shape, gs)),
  transition: (rng) => TRANSITIONS.map(([shape, f]) => transitionCase(rng, shape, f)),
  transitionGradient: (rng) => TRANSITIONS.slice(0, 2).map(([shape, f]) => transitionCase(rng, shape, f)),
  /** The MNIST split: training images and labels, test images (test labels held back), rows of 784 pixels. */
  trainModel: () => [mnistCase()],
  /** No arguments: the model is built from the grading seed (structure and seed checks). */
  model: () => [{ label: 'buildDenseNet(seed)', args: [] }],
};
