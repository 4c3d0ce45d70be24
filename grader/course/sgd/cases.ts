import type { CaseRecipe } from '../../inputs/types.ts';
import { mnistCase } from '../../inputs/shared.ts';
import { PARAM_SHAPES, paramList, trajectoryCases } from '../shared/optimizers/cases.ts';

export const cases: Record<string, CaseRecipe> = {
  /** sgdStep(params, grads, lr) on parameter lists of varied shapes and learning rates. */
  oneStep: (rng) => [
    ...PARAM_SHAPES.map((shapes, i) => {
      const lr = [0.1, 0.01, 1.5, 0.5][i]!;
      return { label: `shapes ${JSON.stringify(shapes)}, lr=${lr}`, args: [paramList(rng, shapes), paramList(rng, shapes), lr] };
    }),
    { label: 'lr=0 leaves params unchanged', args: [paramList(rng, [[4]]), paramList(rng, [[4]]), 0] },
    { label: 'empty parameter list', args: [[], [], 0.1] },
  ],
  trajectory: (rng) => trajectoryCases(rng, [{ lr: 0.1 }, { lr: 0.3 }]),
  trainMlp: () => [mnistCase()],
};
