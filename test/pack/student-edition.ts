import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pack } from '../../grader/pack/pack.ts';
import { courseFiles } from '../../grader/course/files.ts';
import { REPO_ROOT } from '../../grader/paths.ts';
import type { GradeResult } from '../../grader/results/types.ts';
import { referenceSubmission, stubSubmission, wrongSubmission } from '../grading.ts';

/** Packs the student edition of `ids` into a fresh temp folder. */
export async function makeStudentEdition(ids: string[], seeds = [1]): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'student-edition-'));
  await pack({ out, exercises: ids, seeds, backend: 'wasm' });
  return out;
}

/**
 * Gives the pack the grader's installed dependencies without the network: hard links, which the
 * sandbox's permission model treats as the pack's own files (a symlink would point outside it).
 */
export function linkDependencies(dir: string): void {
  const r = spawnSync('cp', ['-al', path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules')]);
  if (r.status !== 0) fs.cpSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), { recursive: true });
}

export interface PackRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the pack's own `grade` command, as a student would. */
export function packGrade(dir: string, args: string[]): PackRun {
  const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'grade.js'), ...args], { cwd: dir, encoding: 'utf8', timeout: 600_000, env: { ...process.env, GRADER_CACHE_DIR: path.join(dir, '.cache') } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Grades one exercise in the pack, on wasm, and returns its result object. */
export function gradeInPack(dir: string, id: string, submissionDir: string, seed = 1): GradeResult {
  const r = packGrade(dir, [id, '--submission', submissionDir, '--backend', 'wasm', '--seed', String(seed), '--format', 'json']);
  if (r.status !== 0 && r.status !== 1) throw new Error(`the student edition's grade ${id} exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as GradeResult;
}

/** The submissions every exercise is graded with: the answer key, the stub, each known-wrong fixture. */
export function submissionsOf(id: string): { label: string; dir: string }[] {
  const wrongDir = courseFiles.wrong(id);
  const wrong = fs.existsSync(wrongDir) ? fs.readdirSync(wrongDir).filter((f) => f.endsWith('.ts')).sort() : [];
  return [
    { label: 'reference', dir: referenceSubmission(id) },
    { label: 'stub', dir: stubSubmission(id) },
    ...wrong.map((f) => ({ label: `wrong/${f}`, dir: wrongSubmission(id, f.replace(/\.ts$/, '')) })),
  ];
}

/**
 * Where the pack's verdicts differ from the full grader's, public checks only: pass/fail,
 * points and hint must match (messages may differ only in timings).
 */
export function verdictDifferences(full: GradeResult, packed: GradeResult): string[] {
  const out: string[] = [];
  const publicChecks = full.checks.filter((c) => !c.hidden);
  const names = (r: GradeResult) => r.checks.map((c) => c.name).join(' | ');
  if (names({ ...full, checks: publicChecks }) !== names(packed)) return [`checks differ: full [${names({ ...full, checks: publicChecks })}] vs pack [${names(packed)}]`];
  const untimed = (m: string) => m.replace(/\d+(\.\d+)? s\b/g, '# s');
  publicChecks.forEach((c, i) => {
    const p = packed.checks[i]!;
    if (c.passed !== p.passed || c.score !== p.score || (c.hint ?? '') !== (p.hint ?? '') || untimed(c.message) !== untimed(p.message)) {
      out.push(`"${c.name}": full ${c.passed ? 'passed' : 'failed'} (${c.message}${c.hint ? ` / ${c.hint}` : ''}) vs pack ${p.passed ? 'passed' : 'failed'} (${p.message}${p.hint ? ` / ${p.hint}` : ''})`);
    }
  });
  return out;
}
