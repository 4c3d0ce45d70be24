import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import type { BackendChoice } from '../backends/names.ts';
import { assertCourseResolves } from '../course/resolve.ts';
import { listExerciseIds, loadManifest, unknownExercises } from '../manifest/load.ts';
import { withEnvironment } from '../results/environment.ts';
import type { GradeResult } from '../results/types.ts';
import { submissionExists } from '../submission/locate.ts';
import type { Progress } from './progress.ts';
import { snapshotResults } from './history.ts';
import { failedResult, gradeSafely } from './safe-grade.ts';
import { graderFailed, isDone, writeResult } from './store.ts';
import { listStudents, studentDir, studentsOfShard, type Shard } from './students.ts';

export interface BatchOptions {
  classDir: string;
  outDir: string;
  /** Grades running at once (default: the number of cores). */
  jobs?: number;
  shard?: Shard;
  /** Exercise ids (default: every exercise). */
  exercises?: string[];
  /** Regrade what already has a result. */
  force?: boolean;
  backend: BackendChoice;
  seed: number;
  /** Caps every check's time limit, in seconds. */
  timeout?: number;
  cache?: boolean;
  progress?: Progress;
}

export interface BatchSummary {
  students: string[];
  exercises: string[];
  /** Grades made in this run. */
  graded: number;
  /** Grades skipped because a result was already there. */
  skipped: number;
  /** Of those graded, how many had a result the grader could not finish last time (graderError). */
  retried: number;
  /** Of those graded, how many passed every check. */
  passed: number;
  wallMs: number;
  jobs: number;
  /** With `force`: where the results as they were before this run were kept (grader/batch/history.ts). */
  previous?: string;
}

/** A usage mistake (bad --shard, unknown exercise, no class folder): the CLI exits 2. */
export class BatchError extends Error {}

export const defaultJobs = (): number => Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);

interface Task {
  student: string;
  exercise: string;
}

/**
 * Grades every (student, exercise) of a class folder with at most `jobs` grades at once; each
 * grade runs the student's code in its own sandbox process. Each result is written as soon as
 * it is known; what is already written is skipped unless `force`. The first grade of each
 * exercise that has a file runs before the others of that exercise, so the reference results
 * are computed once and read from the cache by the rest.
 */
export async function runBatch(o: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  if (!fs.existsSync(o.classDir) || !fs.statSync(o.classDir).isDirectory()) throw new BatchError(`class folder ${o.classDir} does not exist`);
  const known = listExerciseIds();
  const exercises = o.exercises && o.exercises.length > 0 ? o.exercises : known;
  const unknown = unknownExercises(exercises, known);
  if (unknown) throw new BatchError(unknown);
  // A broken course fails the batch before anyone is graded (exit 3), never as students' zeros.
  for (const id of exercises) await assertCourseResolves(loadManifest(id));
  const jobs = o.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) throw new BatchError(`--jobs must be a positive integer, but got ${jobs}`);
  const students = studentsOfShard(listStudents(o.classDir), o.shard);

  const todo: Task[] = [];
  let skipped = 0;
  let retried = 0;
  for (const student of students) {
    for (const exercise of exercises) {
      if (!o.force && isDone(o.outDir, student, exercise, o.seed)) skipped++;
      else {
        // A grade the grader itself could not finish is never final: this run makes it again.
        if (!o.force && graderFailed(o.outDir, student, exercise)) retried++;
        todo.push({ student, exercise });
      }
    }
  }
  // --force keeps what it replaces: the results folder as it was goes to <out>/.history/<time>/.
  const previous = o.force && todo.length > 0 ? snapshotResults(o.outDir) : undefined;
  fs.mkdirSync(o.outDir, { recursive: true });
  o.progress?.start(todo.length, skipped, retried);

  const limit = pLimit(jobs);
  let done = 0;
  let passed = 0;
  const grade = async (t: Task): Promise<GradeResult> => {
    const submissionDir = studentDir(o.classDir, t.student);
    // Images next to the student's results: <out>/<student>/<exercise>/<name>.png.
    const imagesDir = path.join(o.outDir, t.student);
    let r = withEnvironment(await gradeSafely(t.exercise, { submissionDir, backend: o.backend, seed: o.seed, cache: o.cache ?? true, timeoutCap: o.timeout, imagesDir }));
    try {
      writeResult(o.outDir, t.student, r);
    } catch (e) {
      // The result could not be stored (its size, the disk): store that, marked for a retry, and go on.
      const why = e instanceof Error ? e.message : String(e);
      r = failedResult(t.exercise, submissionDir, o.seed, `the grader could not store this result (${why.slice(0, 200)}); it will be regraded`, r.durationMs, why);
      try {
        writeResult(o.outDir, t.student, r);
      } catch {
        // Nothing can be written: the grade stays undone and the next run makes it.
      }
    }
    done++;
    if (r.passed) passed++;
    o.progress?.graded(t.student, r, done, todo.length);
    return r;
  };

  // Per exercise: one submitted grade first (it fills the reference cache), then the rest.
  const waves = exercises.map((exercise) => {
    const mine = todo.filter((t) => t.exercise === exercise);
    const firstIdx = mine.findIndex((t) => submissionExists(exercise, studentDir(o.classDir, t.student)));
    if (firstIdx < 0) return Promise.all(mine.map((t) => limit(() => grade(t))));
    const [first] = mine.splice(firstIdx, 1);
    return limit(() => grade(first!)).then(() => Promise.all(mine.map((t) => limit(() => grade(t)))));
  });
  try {
    await Promise.all(waves);
  } finally {
    o.progress?.stop();
  }
  return { students, exercises, graded: done, skipped, retried, passed, wallMs: performance.now() - started, jobs, ...(previous ? { previous } : {}) };
}
