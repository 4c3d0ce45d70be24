import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gradeExercise } from '../grader/grade/grade-exercise.ts';
import { loadManifest } from '../grader/manifest/load.ts';
import { REPO_ROOT } from '../grader/paths.ts';
import type { GradeResult } from '../grader/results/types.ts';

/** A fresh submission folder holding `<id>/<id>.ts` with the given source. */
export function submissionWith(id: string, source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `grade-${id}-`));
  fs.mkdirSync(path.join(dir, id));
  fs.writeFileSync(path.join(dir, id, `${id}.ts`), source);
  return dir;
}

/** The answer key handed in as a submission (a file that re-exports it). */
export function referenceSubmission(id: string): string {
  const ref = path.join(REPO_ROOT, loadManifest(id).reference!);
  return submissionWith(id, `export * from ${JSON.stringify(ref)};\n`);
}

/** The repo's stub as a student would hand it in untouched. */
export function stubSubmission(id: string): string {
  return submissionWith(id, fs.readFileSync(path.join(REPO_ROOT, 'exercises', id, `${id}.ts`), 'utf8'));
}

/** A known-wrong submission from test/fixtures/wrong/<id>/<name>.ts. */
export function wrongSubmission(id: string, name: string): string {
  return submissionWith(id, fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'wrong', id, `${name}.ts`), 'utf8'));
}

export function grade(id: string, submissionDir: string, seed = 1): Promise<GradeResult> {
  return gradeExercise(id, { submissionDir, backend: 'wasm', seed });
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
