import type { CheckResult, GradeResult } from '../results/types.ts';
import { messageWithHint } from './student-visible.ts';

/** One entry of Classroom 50's `tests[]`; extra fields are kept verbatim by Classroom 50. */
export interface Classroom50Test {
  'test-name': string;
  passed: boolean;
  score: number;
  'max-score': number;
  kind: string;
  message?: string;
}

/** Classroom 50's `result.json` (schema classroom50/result/v1; grader/render/schemas/classroom50-result.schema.json). */
export interface Classroom50Result {
  schema: 'classroom50/result/v1';
  classroom: string;
  assignment: string;
  submission: string;
  commit: string;
  release: string;
  review: string;
  datetime: string;
  graded_at: string;
  score: number;
  'max-score': number;
  tests: Classroom50Test[];
}

/** What the Classroom 50 runner hands an autograder in its environment, plus the commit's date. */
export interface Classroom50Context {
  classroom?: string;
  assignment?: string;
  submission?: string;
  commitUrl?: string;
  releaseUrl?: string;
  reviewUrl?: string;
  /** The submission instant (the graded commit's committer date), ISO 8601. */
  submittedAt?: string;
  now?: Date;
}

/** The runner's variables (CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL, REVIEW_URL) and COMMIT_DATETIME, which the example autograder sets. */
export function classroom50Context(env: NodeJS.ProcessEnv = process.env): Classroom50Context {
  return { classroom: env.CLASSROOM, assignment: env.ASSIGNMENT, submission: env.SUBMISSION_TAG, commitUrl: env.COMMIT_URL, releaseUrl: env.RELEASE_URL, reviewUrl: env.REVIEW_URL, submittedAt: env.COMMIT_DATETIME };
}

/** UTC, whole seconds, as Classroom 50 writes its timestamps. */
const utc = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const filled = (s: string | undefined, fallback: string): string => (s && s.trim() !== '' ? s : fallback);

/** A hidden check says only whether it passed and its points: Classroom 50 publishes result.json with the student's release. */
function toTest(r: GradeResult, c: CheckResult): Classroom50Test {
  const base = { 'test-name': `${r.exercise} › ${c.name}`, passed: c.passed, score: Math.round(c.score), 'max-score': Math.round(c.maxScore), kind: c.kind };
  return c.hidden ? base : { ...base, message: messageWithHint(c) };
}

/**
 * Classroom 50's result.json contract (https://github.com/foundation50/classroom50/wiki/Advanced-Autograding):
 * integer `score`/`max-score` that are exactly the sums of the tests' (each check's points rounded),
 * `datetime` the submission instant (invariant across regrades), `graded_at` this run.
 * Outside the runner (no CLASSROOM etc.), the identity fields say "local".
 */
export function toClassroom50(results: GradeResult[], ctx: Classroom50Context = classroom50Context()): Classroom50Result {
  const tests = results.flatMap((r) => r.checks.map((c) => toTest(r, c)));
  const now = ctx.now ?? new Date();
  const submitted = ctx.submittedAt ?? results.find((r) => r.submittedAt)?.submittedAt;
  const submittedDate = submitted && !Number.isNaN(new Date(submitted).getTime()) ? new Date(submitted) : now;
  const commit = filled(ctx.commitUrl, 'local');
  return {
    schema: 'classroom50/result/v1',
    classroom: filled(ctx.classroom, 'local'),
    assignment: filled(ctx.assignment, 'local'),
    submission: filled(ctx.submission, 'local'),
    commit,
    release: filled(ctx.releaseUrl, 'local'),
    review: filled(ctx.reviewUrl, commit),
    datetime: utc(submittedDate),
    graded_at: utc(now),
    score: tests.reduce((a, t) => a + t.score, 0),
    'max-score': tests.reduce((a, t) => a + t['max-score'], 0),
    tests,
  };
}

export function renderClassroom50(results: GradeResult[], ctx?: Classroom50Context): string {
  return `${JSON.stringify(toClassroom50(results, ctx), null, 2)}\n`;
}
