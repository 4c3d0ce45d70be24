import type { Case, Wire } from '../inputs/wire.ts';
import type { CheckSpec } from '../manifest/types.ts';

/** What a judge sees: raw values only; it runs in the trusted parent, never in the sandbox. */
export interface JudgeInput {
  /** The check's cases, with their held-out answers. */
  cases: Case[];
  /** The student's value for each case. */
  values: Wire[];
  /** The reference's value for each case, when the check asks for it (`withReference`). */
  reference?: Wire[];
  seed: number;
  check: CheckSpec;
  /** Distribution checks: the false-fail probability this check may spend (its share of the exercise's). */
  alpha: number;
}

export interface Judgement {
  passed: boolean;
  /** What was found, in words a student can act on (statistics: the p-value and what it means). */
  message: string;
  hint?: string;
}

/** Property and distribution checks: a pure function of the raw values, in plain JS. */
export type Judge = (input: JudgeInput) => Judgement;

/** grader/judges/<id>.ts exports `judges`: the judges its manifest's checks name. */
export type JudgeTable = Record<string, Judge>;
