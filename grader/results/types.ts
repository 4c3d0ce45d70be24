import type { BackendName } from '../backends/names.ts';
import type { CheckKind } from '../manifest/types.ts';

/** A PNG a check wrote (a sample grid, a scatter of samples), named in its result. */
export interface CheckImage {
  /** Where the file was written (relative to the grader's working folder when the images folder was given relative). */
  path: string;
  caption: string;
}

/** The outcome of one check, as every renderer shows it. */
export interface CheckResult {
  name: string;
  kind: CheckKind;
  passed: boolean;
  score: number;
  maxScore: number;
  /** What was found, in words a student can act on. */
  message: string;
  /** Present when the output matches a known common mistake. */
  hint?: string;
  hidden: boolean;
  durationMs: number;
  /** Tensors the submission left alive during this check (absent when it did not run). */
  leakedTensors?: number;
  /** PNG files the check wrote (absent when it wrote none, e.g. when it could not run). */
  images?: CheckImage[];
  /** What the submission printed during this check (cleaned, capped). A hidden check's never reaches a student. */
  console?: string;
}

/** One grade: a submission's result on one exercise. */
export interface GradeResult {
  exercise: string;
  title: string;
  notes: string;
  /** The graded file. */
  submission: string;
  backend: BackendName | 'none';
  seed: number;
  score: number;
  maxScore: number;
  passed: boolean;
  checks: CheckResult[];
  /** What the student's code printed while loading and in visible checks, truncated; shown apart from the verdict. */
  studentConsole: string;
  /**
   * Present when the grader could not finish this grade for its own reasons (no bundler, the sandbox
   * would not start): not the student's fault, so `grade batch` regrades it on the next run.
   */
  graderError?: string;
  durationMs: number;
  /** Peak memory of the sandbox process that ran the submission, in MB (absent if it never ran). */
  sandboxPeakRssMb?: number;
  /** Where and with what the grade was made (grader/results/environment.ts); every CLI and batch result has one. */
  environment?: GradeEnvironment;
  /** When the student submitted (ISO 8601), when the platform said so (Gradescope's submission_metadata.json). */
  submittedAt?: string;
}

/** What a grade was made with: a regrade diff compares these to say why numbers moved. */
export interface GradeEnvironment {
  /** The grader's package version. */
  grader: string;
  /** The grader's git commit, when it ran from a checkout. */
  graderCommit?: string;
  tfjs: string;
  backend: BackendName | 'none';
  seed: number;
  node: string;
  /** `process.platform-process.arch`, e.g. linux-x64. */
  platform: string;
  /** Each check's spec hash (tolerance, budget, margin): check name → hash. */
  checkSpecs?: Record<string, string>;
}
