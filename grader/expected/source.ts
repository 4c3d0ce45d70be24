import type { Case } from '../basics/wire.ts';
import type { CheckSpec } from '../manifest/types.ts';
import type { CaseOutcome, RunOptions, VariantInfo } from '../sandbox/protocol.ts';
import type { ProgressReport } from '../sandbox/protocol.ts';

export interface VariantOutcomes extends VariantInfo {
  outcomes: CaseOutcome[];
}

/** What the answer key (and its known variants) give for one check's cases. */
export interface Expected {
  reference: CaseOutcome[];
  variants: VariantOutcomes[];
}

/** Reference results could not be had: a fault of the grader or the course, not the student. */
export class ReferenceFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceFailure';
  }
}

/**
 * The "reference result" step, as the checks see it. The full grader computes it from the
 * answer key (`ExpectedResults`); the student edition reads what was packed (`PackedExpected`).
 */
export interface ExpectedSource {
  /** Reference outcomes for the check's cases, plus each known variant's when `withVariants`. */
  forCheck(check: CheckSpec, cases: Case[], options: RunOptions, withVariants: boolean): Promise<Expected>;
  /** The reference's score on an accuracy check, `score` applied to its outcomes. */
  referenceScore(check: CheckSpec, cases: Case[], options: RunOptions, score: (outcomes: CaseOutcome[]) => number): Promise<number>;
  close(): Promise<void>;
  /** Told how far a reference computation got (the progress line while the answer key trains). */
  onProgress?: (p: ProgressReport) => void;
}
