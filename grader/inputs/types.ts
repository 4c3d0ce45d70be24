import type { Rng } from './rng.ts';
import type { Case } from './wire.ts';

/** A case recipe: seeded inputs for one check, made in the parent without tfjs. */
export type CaseRecipe = (rng: Rng) => Case[];

/** grader/inputs/<id>.ts exports `cases`: the recipes its manifest's checks name. */
export interface ExerciseInputs {
  cases: Record<string, CaseRecipe>;
}
