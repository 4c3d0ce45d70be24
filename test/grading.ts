import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { gradeExercise } from '../grader/grade/grade-exercise.ts';
import { loadManifest } from '../grader/manifest/load.ts';
import { courseFiles } from '../grader/course/files.ts';
import { REPO_ROOT } from '../grader/paths.ts';
import type { GradeResult } from '../grader/results/types.ts';

/** A fresh submission folder holding `<id>/<id>.ts` with the given source. */
export function submissionWith(id: string, source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `grade-${id}-`));
  fs.mkdirSync(path.join(dir, id));
  fs.writeFileSync(path.join(dir, id, `${id}.ts`), source);
  return dir;
}

/**
 * The answer key handed in as a submission: the reference file with everything it imports from
 * the repository inlined into one self-contained file (a submission may import only its own
 * folder, so a re-export of the reference path would be refused like any other).
 */
export function referenceSubmission(id: string): string {
  return submissionWith(id, answerKeyAsOneFile(path.join(REPO_ROOT, loadManifest(id).reference!)));
}

/** A repository TypeScript file and its relative imports as one ES module (packages stay imports). */
export function answerKeyAsOneFile(file: string): string {
  const out = buildSync({ entryPoints: [file], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'silent', absWorkingDir: REPO_ROOT });
  return out.outputFiles[0]!.text;
}

/** The repo's stub as a student would hand it in untouched. */
export function stubSubmission(id: string): string {
  return submissionWith(id, fs.readFileSync(path.join(REPO_ROOT, 'exercises', id, `${id}.ts`), 'utf8'));
}

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

