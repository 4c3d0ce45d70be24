import { gradeExercise, type GradeOptions } from '../grade/grade-exercise.ts';
import { CourseError } from '../course/resolve.ts';
import { loadManifest, ManifestError } from '../manifest/load.ts';
import type { CheckResult, GradeResult } from '../results/types.ts';
import { submissionFile } from '../submission/locate.ts';
import { cleanText } from '../text/clean.ts';

/**
 * A result in which every check failed with `message`: what a grade becomes when the grader
 * itself could not finish it (the sandbox died while loading, a deadline passed). Falls back
 * to a single zero-point check when even the manifest cannot be read.
 */
export function failedResult(id: string, submissionDir: string | undefined, seed: number, message: string, durationMs = 0, graderError?: string): GradeResult {
  const r = zeroResult(id, submissionDir, seed, message, durationMs);
  if (graderError !== undefined) r.graderError = cleanText(graderError, 1000);
  return r;
}

function zeroResult(id: string, submissionDir: string | undefined, seed: number, message: string, durationMs: number): GradeResult {
  const file = submissionFile(id, submissionDir);
  try {
    const m = loadManifest(id);
    const checks: CheckResult[] = m.checks.map((c) => ({ name: c.name, kind: c.kind, passed: false, score: 0, maxScore: c.points, message, hidden: c.hidden ?? false, durationMs: 0 }));
    const maxScore = checks.reduce((a, c) => a + c.maxScore, 0);
    return { exercise: id, title: m.title, notes: m.notes, submission: file, backend: 'none', seed, score: 0, maxScore, passed: false, checks, studentConsole: '', durationMs: Math.round(durationMs) };
  } catch {
    const check: CheckResult = { name: 'grading', kind: 'output', passed: false, score: 0, maxScore: 0, message, hidden: false, durationMs: 0 };
    return { exercise: id, title: id, notes: '', submission: file, backend: 'none', seed, score: 0, maxScore: 0, passed: false, checks: [check], studentConsole: '', durationMs: Math.round(durationMs) };
  }
}

/** Wall-clock limit of one whole grade in a batch (a per-check limit already applies inside). */
export const GRADE_DEADLINE_S = 20 * 60;

/**
 * gradeExercise that never throws and never hangs past `deadlineS`: anything that escapes it
 * (e.g. the sandbox process exiting while the submission loads) becomes a failed result whose
 * checks carry the reason, so one submission cannot stop a batch.
 */
export async function gradeSafely(id: string, opts: GradeOptions, deadlineS = GRADE_DEADLINE_S): Promise<GradeResult> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<GradeResult>((resolve) => {
    timer = setTimeout(() => resolve(failedResult(id, opts.submissionDir, opts.seed, `timed out after ${deadlineS} s (the whole exercise)`, performance.now() - t0)), deadlineS * 1000);
    timer.unref();
  });
  try {
    return await Promise.race([gradeExercise(id, opts), deadline]);
  } catch (e) {
    // The course itself is broken (a manifest, a course folder): no grade of anyone can be right.
    if (e instanceof CourseError || e instanceof ManifestError) throw e;
    // Everything a submission does becomes a failed check inside gradeExercise; what escapes it is the grader's.
    const why = cleanText(e instanceof Error ? e.message : String(e), 500);
    return failedResult(id, opts.submissionDir, opts.seed, `the grader could not grade this (${why}); this is not your mistake and will be regraded`, performance.now() - t0, why);
  } finally {
    clearTimeout(timer);
  }
}
