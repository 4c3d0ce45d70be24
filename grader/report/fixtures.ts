import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeResult } from '../batch/store.ts';
import type { CheckResult, GradeResult } from '../results/types.ts';

/** A made-up result (for report and renderer tests): `passed[i]` says whether check i passed. */
export function fakeResult(exercise: string, passed: boolean[], extra: Partial<CheckResult> = {}, console = ''): GradeResult {
  const checks: CheckResult[] = passed.map((p, i) => ({
    name: `check ${i + 1}`,
    kind: 'output',
    passed: p,
    score: p ? 5 : 0,
    maxScore: 5,
    message: p ? 'matches the reference' : `wrong value in check ${i + 1}`,
    hidden: i === passed.length - 1,
    durationMs: 10,
    ...(p ? {} : extra),
  }));
  const score = checks.reduce((a, c) => a + c.score, 0);
  return { exercise, title: `${exercise} title`, notes: '1.1', submission: `/x/${exercise}.ts`, backend: 'wasm', seed: 1, score, maxScore: 5 * passed.length, passed: passed.every(Boolean), checks, studentConsole: console, durationMs: 100 };
}

/** Writes `results[student]` into a fresh batch output folder. */
export function fakeOutDir(results: Record<string, GradeResult[]>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-in-'));
  for (const [student, rs] of Object.entries(results)) for (const r of rs) writeResult(dir, student, r);
  return dir;
}
