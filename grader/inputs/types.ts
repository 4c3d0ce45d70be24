import type { Rng } from '../basics/rng.ts';
import type { Case } from '../basics/wire.ts';

/** A case recipe: seeded inputs for one check, made in the parent without tfjs. */
export type CaseRecipe = (rng: Rng) => Case[];

/** grader/course/<id>/cases.ts exports `cases`: the recipes its manifest's checks name. */
export interface ExerciseInputs {
  cases: Record<string, CaseRecipe>;
}
