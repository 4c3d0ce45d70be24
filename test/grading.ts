import fs from 'node:fs';
import path from 'node:path';
import { submissionWith } from '../grader/authoring/answer-key.ts';
import { gradeExercise } from '../grader/grade/grade-exercise.ts';
import { courseFiles } from '../grader/course/files.ts';
import type { GradeResult } from '../grader/results/types.ts';

export { answerKeyAsOneFile, referenceSubmission, stubSubmission, submissionWith } from '../grader/authoring/answer-key.ts';

/** A known-wrong submission from grader/course/<id>/wrong/<name>.ts. */
export function wrongSubmission(id: string, name: string): string {
  return submissionWith(id, fs.readFileSync(path.join(courseFiles.wrong(id), `${name}.ts`), 'utf8'));
}

/** `timeoutCap` (seconds) cuts the checks short, e.g. a training a test does not look at. */
export function grade(id: string, submissionDir: string, seed = 1, timeoutCap?: number): Promise<GradeResult> {
  return gradeExercise(id, { submissionDir, backend: 'wasm', seed, timeoutCap });
}

export function check(r: GradeResult, name: string) {
  const c = r.checks.find((x) => x.name === name);
  if (!c) throw new Error(`no check named "${name}" in ${r.exercise}: ${r.checks.map((x) => x.name).join(', ')}`);
  return c;
}

/** One line per check, for assertion messages. */
export function summary(r: GradeResult): string {
  return r.checks.map((c) => `${c.passed ? '✓' : '✗'} ${c.name}: ${c.message}${c.hint ? ` [hint: ${c.hint}]` : ''}`).join('\n');
}

