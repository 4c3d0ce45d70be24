import type { CaseRecipe } from '../../inputs/types.ts';
import { tensor } from '../../basics/wire.ts';

export const cases: Record<string, CaseRecipe> = {
  /** Logits of ±30, ±100, ±1000 with both labels: σ(l) rounds to 0 or 1 in float32. */
  bernoulliExtreme: () => {
    const l = [1000, -1000, 1000, -1000, 100, -100, 30, -30];
    return [
      { label: 'logits ±1000, ±100, ±30 with x = 1', args: [tensor([1, 8], Array(8).fill(1)), tensor([1, 8], l)] },
      { label: 'logits ±1000, ±100, ±30 with x = 0', args: [tensor([1, 8], Array(8).fill(0)), tensor([1, 8], l)] },
      { label: 'logits ±1000 per example', args: [tensor([4, 2], [1, 0, 0, 1, 1, 1, 0, 0]), tensor([4, 2], [1000, -1000, 1000, -1000, -1000, 1000, 1000, -1000])] },
    ];
  },
};
