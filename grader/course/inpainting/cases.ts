import { MNIST_PIXELS } from '../../../datasets/index.ts';
import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { tensor, type Case } from '../../basics/wire.ts';
import { binarisedMnist, VAE_DATA } from '../shared/vae-family/data.ts';

/** Test images inpainted per check: the first half lose their bottom 14 rows, the second half each pixel with probability ½. */
export const INPAINT = { images: 200, missingRows: 14, missingShare: 0.5, steps: 10 } as const;

/**
 * x [N, 784] with the missing pixels zeroed (their true values never reach the sandbox),
 * mask [N, 784] (1 = known, 0 = missing), and the true images [N, 784] as the held-out answer.
 */
export function maskedTestImages(rng: Rng): { x: Float32Array; mask: Float32Array; truth: Float32Array; n: number } {
  const n = INPAINT.images;
  const truth = binarisedMnist(0, n).test.images;
  const mask = new Float32Array(n * MNIST_PIXELS);
  const coin = rng.fork('random-mask');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < MNIST_PIXELS; j++) {
      const row = Math.floor(j / 28);
      mask[i * MNIST_PIXELS + j] = i < n / 2 ? (row < 28 - INPAINT.missingRows ? 1 : 0) : (coin.uniform() < INPAINT.missingShare ? 0 : 1);
    }
  }
  const x = truth.map((v, k) => v * mask[k]!);
  return { x, mask, truth, n };
}

function inpaintCase(rng: Rng, withTraining: boolean): Case {
  const { x, mask, truth, n } = maskedTestImages(rng);
  const images = [tensor([n, MNIST_PIXELS], x), tensor([n, MNIST_PIXELS], mask), INPAINT.steps];
  const label = `${n} binarised test images: ${n / 2} without their bottom ${INPAINT.missingRows} rows, ${n / 2} missing each pixel with probability ${INPAINT.missingShare}; steps ${INPAINT.steps}`;
  if (!withTraining) return { label, args: images };
  const train = binarisedMnist(VAE_DATA.trainImages, 0).train;
  return { label, args: [{ trainImages: tensor([train.count, MNIST_PIXELS], train.images) }, ...images], answers: tensor([n, MNIST_PIXELS], truth) };
}

export const cases: Record<string, CaseRecipe> = {
  /** Masked test images for an untrained VAE: only the known pixels are judged. */
  known: (rng) => [inpaintCase(rng, false)],
  /** 20 masked test images for the steps probe (two untrained VAEs, steps 0, 1 and 3): args [x, mask]. */
  stepsProbe: (rng) => {
    const { x, mask } = maskedTestImages(rng);
    const n = 20, half = INPAINT.images / 2;
    // 10 images without their bottom rows, 10 with random holes.
    const pick = (a: Float32Array) => Float32Array.from([...a.subarray(0, 10 * MNIST_PIXELS), ...a.subarray(half * MNIST_PIXELS, (half + 10) * MNIST_PIXELS)]);
    return [{ label: `${n} masked test images (10 without their bottom rows, 10 with random holes)`, args: [tensor([n, MNIST_PIXELS], pick(x)), tensor([n, MNIST_PIXELS], pick(mask))] }];
  },
  /** The binarised training images (the grader trains its VAE on them), and masked test images with the truth held back. */
  fill: (rng) => [inpaintCase(rng, true)],
};
