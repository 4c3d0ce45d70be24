/**
 * One student's whole catalog, for `npm run bench`: every exercise's answer key handed in as one
 * submission folder (as test/grading.ts's referenceSubmission builds each), graded by
 * `grade all --format json` with a given number of jobs. Wall time of the whole run, and each
 * exercise's own grade time inside it (`durationMs`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { referenceSubmission } from '../grader/authoring/answer-key.ts';
import { REPO_ROOT } from '../grader/paths.ts';
import type { GradeResult } from '../grader/results/types.ts';

const GRADE = path.join(REPO_ROOT, 'bin', 'grade.js');

/** A submission folder holding `<id>/<id>.ts` = the answer key of each id. */
export function catalogSubmission(ids: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-catalog-'));
  for (const id of ids) {
    const one = referenceSubmission(id);
    fs.cpSync(path.join(one, id), path.join(dir, id), { recursive: true });
    fs.rmSync(one, { recursive: true, force: true });
  }
  return dir;
}

export interface CatalogRun {
  jobs: number;
  wallSeconds: number;
  /** Each exercise's grade time within the run (s). */
  perExercise: Record<string, number>;
  results: GradeResult[];
  /** Files added under the reference-result cache by this run: > 0 means it was not warm. */
  referencesComputed: number;
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
}

/** `grade <ids...> --submission <dir> --jobs <jobs> --format json` on the wasm backend. */
export function gradeCatalog(ids: string[], submission: string, jobs: number, cacheDir = path.join(REPO_ROOT, '.cache')): CatalogRun {
  const before = countFiles(path.join(cacheDir, 'expected'));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [GRADE, ...ids, '--submission', submission, '--backend', 'wasm', '--jobs', String(jobs), '--format', 'json', '--quiet'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, GRADER_CACHE_DIR: cacheDir },
    maxBuffer: 256 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  const parsed = JSON.parse(r.stdout) as GradeResult | GradeResult[];
  const results = Array.isArray(parsed) ? parsed : [parsed];
  const perExercise = Object.fromEntries(results.map((x) => [x.exercise, Math.round(x.durationMs / 100) / 10]));
  return { jobs, wallSeconds, perExercise, results, referencesComputed: countFiles(path.join(cacheDir, 'expected')) - before };
}
