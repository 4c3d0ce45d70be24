import type { CaseRecipe } from '../../inputs/types.ts';
import { mnistCase } from '../../inputs/shared.ts';
import { PARAM_SHAPES, paramList, trajectoryCases } from '../shared/optimizers/cases.ts';
import { tensor, type Wire } from '../../basics/wire.ts';

const zerosLike = (shapes: number[][]): Wire[] => shapes.map((s) => tensor(s, new Float32Array(s.reduce((a, b) => a * b, 1))));

export const cases: Record<string, CaseRecipe> = {
  /** momentumStep(params, grads, velocity, {lr, gamma}): varied shapes, a non-zero incoming velocity, and the edge cases. */
  oneStep: (rng) => [
    ...PARAM_SHAPES.map((shapes, i) => {
      const hp = [{ lr: 0.1, gamma: 0.9 }, { lr: 0.01, gamma: 0.5 }, { lr: 1.5, gamma: 0.99 }, { lr: 0.5, gamma: 0.3 }][i]!;
      return {
        label: `shapes ${JSON.stringify(shapes)}, lr=${hp.lr}, gamma=${hp.gamma}`,
        args: [paramList(rng, shapes), paramList(rng, shapes), paramList(rng, shapes, 0.5), hp],
      };
    }),
    { label: 'first step: velocity 0', args: [paramList(rng, [[2, 3]]), paramList(rng, [[2, 3]]), zerosLike([[2, 3]]), { lr: 0.1, gamma: 0.9 }] },
    { label: 'gamma=0 is plain SGD', args: [paramList(rng, [[4]]), paramList(rng, [[4]]), paramList(rng, [[4]]), { lr: 0.2, gamma: 0 }] },
    { label: 'lr=0: the velocity alone moves θ', args: [paramList(rng, [[4]]), paramList(rng, [[4]]), paramList(rng, [[4]]), { lr: 0, gamma: 0.9 }] },
    { label: 'empty parameter list', args: [[], [], [], { lr: 0.1, gamma: 0.9 }] },
  ],
  trajectory: (rng) => trajectoryCases(rng, [{ lr: 0.05, gamma: 0.9 }, { lr: 0.1, gamma: 0.5 }]),
  trainMlp: () => [mnistCase()],
};
