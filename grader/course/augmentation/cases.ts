import { loadMnist } from '../../../datasets/index.ts';
import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor, type WireTensor } from '../../basics/wire.ts';

/** Four real test digits, [4, 28, 28, 1]. */
function digits(): WireTensor {
  const { test } = loadMnist();
  return tensor([4, 28, 28, 1], test.images.subarray(0, 4 * 784));
}

/** Patterns whose every symmetry is broken: a ramp plus an off-centre L, two channels, odd×even size. */
function asymmetric(rng: Rng): WireTensor {
  const [h, w, c] = [5, 8, 2];
  const v = new Float32Array(h * w * c);
  for (let r = 0; r < h; r++) for (let col = 0; col < w; col++) for (let ch = 0; ch < c; ch++) v[(r * w + col) * c + ch] = (r * w + col) / (h * w) + (ch === 1 && (col === 1 || r === h - 2) ? 1 : 0) + 0.01 * rng.normal();
  return tensor([1, h, w, c], v);
}

export const cases: Record<string, CaseRecipe> = {
  flip: (rng) => [
    { label: 'MNIST digits', args: [digits()] },
    { label: 'asymmetric 5×8×2 pattern', args: [asymmetric(rng)] },
  ],
  shift: (rng) => {
    const pattern = asymmetric(rng);
    return [
      ...[[1, 2], [-2, 0], [0, -3], [2, -1], [0, 0], [6, 0], [0, -9]].map(([dy, dx]) => ({ label: `asymmetric pattern, dy=${dy}, dx=${dx}`, args: [pattern, dy!, dx!] })),
      { label: 'MNIST digits, dy=3, dx=-2', args: [digits(), 3, -2] },
    ];
  },
  rotate: (rng) => {
    const pattern = asymmetric(rng);
    return [
      ...[0.3, -1.1, Math.PI / 2, Math.PI, 2.5, 0].map((theta) => ({ label: `asymmetric pattern, ${theta.toFixed(4)} rad`, args: [pattern, theta] })),
      { label: 'MNIST digits, 0.4 rad', args: [digits(), 0.4] },
    ];
  },
  noise: (rng) => [
    { label: 'zeros [200, 100], std 0.5', args: [tensor([200, 100], new Float32Array(20000)), 0.5, rng.seed32()] },
    { label: 'a pattern [100, 100], std 0.1', args: [normalTensor(rng, [100, 100], 1, 2), 0.1, rng.seed32()] },
  ],
  noiseSeed: (rng) => [{ label: 'pattern [20, 30], std 0.3', args: [normalTensor(rng, [20, 30]), 0.3, rng.seed32()] }],
};
