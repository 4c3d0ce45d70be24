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
  const r = readResultOrWhy(file);
  return 'result' in r ? r.result : undefined;
}

const isScore = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/**
 * What in a parsed result would make a gradebook wrong: the fields every total is computed from
 * (scores finite and ≥ 0, one entry per check). Only these: results written by earlier versions
 * of the grader, without fields added since, still read.
 */
export function resultProblem(r: unknown): string | undefined {
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return 'not a JSON object';
  const o = r as Record<string, unknown>;
  if (typeof o.exercise !== 'string') return '"exercise" is not a string';
  if (!Array.isArray(o.checks)) return '"checks" is not a list';
  for (const k of ['score', 'maxScore'] as const) if (!isScore(o[k])) return `"${k}" is ${JSON.stringify(o[k]) ?? 'missing'}, not a number ≥ 0`;
  for (const [i, c] of o.checks.entries()) {
    const check = c as Record<string, unknown> | null;
    if (check === null || typeof check !== 'object') return `checks[${i}] is not an object`;
    for (const k of ['score', 'maxScore'] as const) if (!isScore(check[k])) return `checks[${i}].${k} is ${JSON.stringify(check[k]) ?? 'missing'}, not a number ≥ 0`;
    if (typeof check.passed !== 'boolean') return `checks[${i}].passed is not true or false`;
  }
  return undefined;
}

/** A stored result, or why it cannot be used (unreadable, not JSON, a score that is not a number). */
export function readResultOrWhy(file: string): { result: GradeResult } | { why: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { why: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  let r: unknown;
  try {
    r = JSON.parse(text);
  } catch (e) {
    return { why: `is not valid JSON (${(e as Error).message})` };
  }
  const problem = resultProblem(r);
  return problem ? { why: problem } : { result: r as GradeResult };
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
