import { gaussianRing, loadMnist } from '../../../datasets/index.ts';
import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor, type Case } from '../../basics/wire.ts';
import { RING_SHAPE } from './ring-scores.ts';

/** The target of the ring check: 8 Gaussians of std 0.05 on a circle of radius 2. */
export const RING = { ...RING_SHAPE, trainPoints: 20_000 } as const;

/** Edge logits: ±200 makes σ round to exactly 0 or 1 in float32, so log σ is −Inf. */
const EXTREME = [200, -200, 50, -50, 0, 1e-3, 20, -20];

/** [N] or [N, 1] logits of the given spread. */
function logits(rng: Rng, n: number, std: number, column = false) {
  return normalTensor(rng, column ? [n, 1] : [n], std);
}

function discriminatorCases(rng: Rng): Case[] {
  return [
    { label: 'real [8], fake [8], std 1', args: [logits(rng.fork('a'), 8, 1), logits(rng.fork('b'), 8, 1)] },
    { label: 'real [64, 1], fake [64, 1], std 3', args: [logits(rng.fork('c'), 64, 3, true), logits(rng.fork('d'), 64, 3, true)] },
    { label: 'real [5], fake [17] (batch sizes differ), std 2', args: [logits(rng.fork('e'), 5, 2), logits(rng.fork('f'), 17, 2)] },
    { label: 'a single real and a single fake logit', args: [tensor([1], [0.7]), tensor([1], [-1.3])] },
    { label: `logits ${EXTREME.join(', ')} (σ saturates)`, args: [tensor([EXTREME.length], EXTREME), tensor([EXTREME.length], EXTREME.map((x) => -x))] },
  ];
}

function generatorCases(rng: Rng): Case[] {
  const out: Case[] = [];
  for (const ns of [true, false]) {
    const kind = ns ? 'non-saturating' : 'saturating';
    out.push(
      { label: `${kind}, fake [8], std 1`, args: [logits(rng.fork(`${kind}/a`), 8, 1), ns] },
      { label: `${kind}, fake [64, 1], std 3`, args: [logits(rng.fork(`${kind}/b`), 64, 3, true), ns] },
      { label: `${kind}, fake logits ${EXTREME.join(', ')} (σ saturates)`, args: [tensor([EXTREME.length], EXTREME), ns] },
    );
  }
  return out;
}

export const cases: Record<string, CaseRecipe> = {
  /** discriminatorLoss(realLogits, fakeLogits): random logits, [N] and [N, 1], unequal batches, ±200. */
  discriminator: discriminatorCases,
  /** generatorLoss(fakeLogits, nonSaturating) for both forms, random and saturating logits. */
  generator: generatorCases,
  /** The ring's training points ([20000, 2]); the judge knows the centres. */
  ring: (rng) => {
    const data = gaussianRing(RING.trainPoints, { modes: RING.modes, radius: RING.radius, std: RING.std }, rng.seed32());
    return [{ label: `ring of ${RING.modes} Gaussians, radius ${RING.radius}, std ${RING.std}`, args: [tensor([RING.trainPoints, 2], data.x)] }];
  },
  /** The MNIST training split's images ([8000, 784] in [0, 1]); labels are not needed (the judge's classifier labels samples). */
  mnist: () => {
    const { train } = loadMnist();
    return [{ label: `the ${train.count} MNIST training digits`, args: [tensor([train.count, 784], train.images)] }];
  },
  /** No arguments before the seed: buildGan(seed) from the grading seed. */
  model: () => [{ label: 'buildGan(seed)', args: [] }],
};
