import fs from 'node:fs';
import path from 'node:path';
import type { GradeResult } from '../results/types.ts';
import { writeFileAtomically } from '../basics/atomic-write.ts';

/** `<out>/<student>/<exercise>.json`. */
export function resultPath(outDir: string, student: string, exercise: string): string {
  return path.join(outDir, student, `${exercise}.json`);
}

/**
 * Writes a result atomically: a temporary file in the same folder, then a rename, so a crash
 * or Ctrl-C leaves either the old file, the new one, or none — never half of one.
 */
export function writeResult(outDir: string, student: string, result: GradeResult): string {
  const file = resultPath(outDir, student, result.exercise);
  writeFileAtomically(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** A stored result, or undefined when there is none or it cannot be read. */
export function readResult(file: string): GradeResult | undefined {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as GradeResult;
    return r && typeof r === 'object' && typeof r.exercise === 'string' && Array.isArray(r.checks) ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether this grade is already done: a readable result for the same exercise and seed that the
 * grader finished (a result with `graderError` failed for the grader's reasons and is redone).
 */
export function isDone(outDir: string, student: string, exercise: string, seed: number): boolean {
  const r = readResult(resultPath(outDir, student, exercise));
  return r !== undefined && r.exercise === exercise && r.seed === seed && !r.graderError;
}

/** Whether the stored result is one the grader could not finish (to be retried). */
export function graderFailed(outDir: string, student: string, exercise: string): boolean {
  return readResult(resultPath(outDir, student, exercise))?.graderError !== undefined;
}
