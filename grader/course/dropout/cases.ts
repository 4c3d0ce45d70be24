import type { CaseRecipe } from '../../inputs/types.ts';
import { normalTensor } from '../../inputs/shared.ts';
import { tensor } from '../../basics/wire.ts';

const ones = (shape: number[]) => tensor(shape, new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(1));

export const cases: Record<string, CaseRecipe> = {
  /** Many units of 1 per rate, far from 0.5 so keep and drop cannot be swapped unnoticed. */
  keptFraction: (rng) => [0.2, 0.8, 0.5].map((rate) => ({ label: `rate ${rate}`, args: [ones([100, 200]), rate, true, rng.seed32()] })),
  /** Identity cases: not training, and training at rate 0 (nothing dropped, scale 1/(1 − 0) = 1). */
  evaluation: (rng) => [
    ...[0.2, 0.8].map((rate) => ({ label: `rate ${rate}, training false`, args: [normalTensor(rng, [4, 3, 5]), rate, false, rng.seed32()] })),
    { label: 'rate 0, training true', args: [normalTensor(rng, [4, 3, 5]), 0, true, rng.seed32()] },
  ],
  sameSeed: (rng) => [0.2, 0.8].map((rate) => ({ label: `rate ${rate}`, args: [normalTensor(rng, [30, 40], 1, 3), rate, rng.seed32()] })),
  /**
   * Independence: 400 calls on 10 units at rate 0.3 (the number kept must vary from call to call
   * like Binomial(10, 0.7): a fixed count of drops fails), and one call on 80×120 units at rate
   * 0.5 (the rows' and the columns' counts must spread like Binomial(120, ½) and (80, ½): a mask
   * shared along an axis fails). args [units, calls, rate, rows, cols, gridRate]; the task draws the seeds.
   */
  independence: () => [{ label: '400 calls on 10 units at rate 0.3; one call on [80, 120] at rate 0.5', args: [10, 400, 0.3, 80, 120, 0.5] }],
  gradient: (rng) => [0.2, 0.8].map((rate) => ({ label: `rate ${rate}`, args: [normalTensor(rng, [20, 30], 1, 3), rate, rng.seed32()] })),
};
