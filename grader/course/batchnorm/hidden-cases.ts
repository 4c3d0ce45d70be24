import type { Rng } from '../../basics/rng.ts';
import type { CaseRecipe } from '../../inputs/types.ts';
import type { Case } from '../../basics/wire.ts';
import { channels, scaleShift, shapeText } from './cases.ts';

/**
 * Channel `big` has mean 10⁴ and a spread of about 10⁻² (variance ~10⁻⁴); the others are
 * N(0, 1). Its values are 10⁴ + m·q with q a power of two chosen so that every partial sum
 * of the channel is exact in float32 (count·10⁴/q < 2²⁴) and the count a power of two: its
 * mean and two-pass variance come out exact in any summation order, so a correct answer
 * whatever its order of reduction matches the reference, while E[x²] − E[x]² (x² ≈ 10⁸,
 * stored to within 8) does not. eps = 1e-5 is a tenth of that variance: √(σ² + ε) and
 * √σ² + ε differ by 5%.
 */
function largeMeanCase(rng: Rng, shape: number[], big: number, eps: number): Case {
  const label = `x ${shapeText(shape)}, channel ${big} with mean 1e4 and std ~1e-2, eps=${eps}`;
  const r = rng.fork(label);
  const c = shape[shape.length - 1]!;
  const count = shape.reduce((a, b) => a * b, 1) / c;
  if (!Number.isInteger(Math.log2(count))) throw new Error(`largeMeanCase: ${count} values per channel is not a power of two`);
  const q = 2 ** (Math.ceil(Math.log2(count * 10001)) - 24);
  const x = channels(r, shape, Array(c).fill(0), Array(c).fill(1));
  const d = x.$tensor.data;
  const steps: number[] = [];
  for (let i = big; i < d.length; i += c) steps.push(Math.round(r.normal(0, 0.01 / q)));
  if (new Set(steps).size < 2) steps[0] = steps[0]! + 1; // a spread, never a constant channel
  steps.forEach((m, k) => (d[big + k * c] = 1e4 + m * q));
  return { label, args: [x, ...scaleShift(r, c), eps] };
}

export const cases: Record<string, CaseRecipe> = {
  largeMean: (rng) => [largeMeanCase(rng, [16, 3], 0, 1e-5), largeMeanCase(rng, [2, 2, 4, 2], 1, 1e-5)],
};
