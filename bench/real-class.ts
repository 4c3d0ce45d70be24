/**
 * A class of real submissions for the batch throughput figure: the sample class's ada (correct,
 * some answers different from the key) and ben (typical mistakes), each twice under another name,
 * on the exercises both handed in — no hanging or hostile student, so no grade waits out a time
 * limit and the figure is the grader's own throughput.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../grader/paths.ts';

const GRADE = path.join(REPO_ROOT, 'bin', 'grade.js');
const SAMPLE = path.join(REPO_ROOT, 'examples', 'class');
const STUDENTS = ['ada', 'ben'];
const COPIES = 2;

/** The exercises every one of STUDENTS handed in (so no grade is an instant "not submitted"). */
export function realClassExercises(): string[] {
  const sets = STUDENTS.map((s) => new Set(fs.readdirSync(path.join(SAMPLE, s)).filter((e) => fs.existsSync(path.join(SAMPLE, s, e, `${e}.ts`)))));
  return [...sets[0]!].filter((e) => sets.every((s) => s.has(e))).sort();
}

/** A class folder: ada-1, ada-2, ben-1, ben-2 (copies keep links as links). */
export function realClass(): { dir: string; students: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-real-class-'));
  for (const s of STUDENTS) for (let k = 1; k <= COPIES; k++) fs.cpSync(path.join(SAMPLE, s), path.join(dir, `${s}-${k}`), { recursive: true, verbatimSymlinks: true });
  return { dir, students: STUDENTS.length * COPIES };
}

export interface BatchRun {
  perMinute: number | null;
  graded: number;
  wallSeconds: number;
  /** CPU seconds of the batch and every process it started (user + system, from /usr/bin/time when present). */
  cpuSeconds: number | null;
}

/** `grade batch <dir> --jobs <jobs> --exercises <ids>`, timed from outside. */
export function batchRun(classDir: string, exercises: string[], jobs: number, extra: string[] = []): BatchRun {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-batch-'));
  const args = [GRADE, 'batch', classDir, '--out', out, '--jobs', String(jobs), '--exercises', exercises.join(','), '--backend', 'wasm', ...extra];
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const t0 = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-f', 'CPU %U %S', process.execPath, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } })
    : spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const wallSeconds = (performance.now() - t0) / 1000;
  const graded = fs.readdirSync(out).flatMap((student) => fs.readdirSync(path.join(out, student)).filter((f) => f.endsWith('.json'))).length;
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  return { perMinute: r.status === null || graded === 0 ? null : graded / (wallSeconds / 60), graded, wallSeconds, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null };
}
