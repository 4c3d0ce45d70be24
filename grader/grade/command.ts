import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../basics/atomic-write.ts';
import type { BackendChoice } from '../backends/names.ts';
import { defaultJobs } from '../batch/batch.ts';
import { gradeSafely } from '../batch/safe-grade.ts';
import { EXIT, UsageError, type Io } from '../cli/io.ts';
import { studentEdition } from '../edition.ts';
import { listExerciseIds, unknownExercises } from '../manifest/load.ts';
import { renderClassroom50 } from '../render/classroom50.ts';
import { renderConsole } from '../render/console.ts';
import { gradescopeCrash, renderGradescope } from '../render/gradescope.ts';
import { renderJunit } from '../render/junit.ts';
import { prairieLearnCrash, renderPrairieLearn } from '../render/prairielearn.ts';
import { progressLine } from '../render/progress-line.ts';
import { GRADESCOPE_METADATA, submissionTime } from '../render/submission-metadata.ts';
import { withEnvironment } from '../results/environment.ts';
import type { GradeResult } from '../results/types.ts';
import { gradeExercise } from './grade-exercise.ts';
import { gradeMany } from './grade-many.ts';

/** `grade <id>...`: grades, renders in the chosen format, and says the exit code. */
export interface GradeCommandOptions {
  submission?: string;
  backend: BackendChoice;
  seed: number;
  format: 'console' | 'json' | 'gradescope' | 'junit' | 'prairielearn' | 'classroom50';
  out?: string;
  cache: boolean;
  timeout?: number;
  images?: string;
  /** Gradescope's submission_metadata.json (default: /autograder/submission_metadata.json when it exists). */
  submissionMetadata?: string;
  /** false with --quiet: no progress line. */
  progress: boolean;
  /** Exercises graded at once (default: the number of cores). */
  jobs?: number;
}

/** Prints `text`, or writes it to `--out`. */
function emit(text: string, o: GradeCommandOptions, io: Io): void {
  if (o.out) writeFileAtomically(o.out, text);
  else io.out(text.trimEnd());
}

export async function gradeCommand(ids: string[], o: GradeCommandOptions, io: Io): Promise<number> {
  if (o.format !== 'gradescope' && o.format !== 'prairielearn') return gradeIds(ids, o, io);
  // Gradescope's and PrairieLearn's results.json are written whatever happens, so the platform always gets an answer.
  const t0 = performance.now();
  try {
    return await gradeIds(ids, o, io);
  } catch (e) {
    const crash = o.format === 'gradescope' ? gradescopeCrash(e, performance.now() - t0) : prairieLearnCrash(e);
    emit(JSON.stringify(crash, null, 2) + '\n', o, io);
    throw e;
  }
}

async function gradeIds(ids: string[], o: GradeCommandOptions, io: Io): Promise<number> {
  const known = listExerciseIds();
  const wanted = ids.length === 1 && ids[0] === 'all' ? known : ids;
  const unknown = unknownExercises(wanted, known);
  if (unknown) throw new UsageError(unknown);
  const edition = studentEdition();
  if (edition && !edition.seeds.includes(o.seed)) throw new UsageError(`this student edition has expected results for --seed ${edition.seeds.join(', ')} only (asked for ${o.seed})`);
  const results: GradeResult[] = [];
  const metadata = o.submissionMetadata ?? (o.format === 'gradescope' && fs.existsSync(GRADESCOPE_METADATA) ? GRADESCOPE_METADATA : undefined);
  const submittedAt = metadata ? submissionTime(metadata) : undefined;
  // PNGs (sample grids, scatters) go to --images, else next to --out, else ./grade-output; then <exercise>/.
  const imagesDir = o.images ?? (o.out ? path.dirname(o.out) : 'grade-output');
  // Several exercises at once (--jobs, default the cores), each in its own sandbox; printed in the order asked (grade-many.ts).
  await gradeMany(wanted, o.jobs ?? defaultJobs(), {
    grade: async (id, onProgress) => {
      const opts = { submissionDir: o.submission, backend: o.backend, seed: o.seed, cache: o.cache, timeoutCap: o.timeout, imagesDir, onProgress };
      // CI formats get a score for every exercise even when one grade cannot finish.
      return withEnvironment(o.format === 'console' || o.format === 'json' ? await gradeExercise(id, opts) : await gradeSafely(id, opts));
    },
    progressLine: o.progress !== false && io.progress ? () => progressLine(io.progress!) : undefined,
    emit: (r) => {
      results.push(submittedAt ? { ...r, submittedAt } : r);
      if (o.format === 'console') io.out(renderConsole(r, io.color ?? false));
    },
  });
  if (o.format === 'json') emit(JSON.stringify(results.length === 1 ? results[0] : results, null, 2), o, io);
  if (o.format === 'gradescope') emit(renderGradescope(results), o, io);
  if (o.format === 'junit') emit(renderJunit(results), o, io);
  if (o.format === 'prairielearn') emit(renderPrairieLearn(results), o, io);
  // Classroom 50 must see a grader failure as one (non-zero exit, no result.json), never as a score of 0.
  if (o.format === 'classroom50' && !results.some((r) => r.graderError !== undefined)) emit(renderClassroom50(results), o, io);
  for (const r of results) if (r.graderError !== undefined) io.err(`grade: ${r.exercise}: the grader could not finish this grade (${r.graderError})`);
  // A grade the grader could not finish is its fault, not the student's: CI sees exit 3 and can retry.
  if (results.some((r) => r.graderError !== undefined)) return EXIT.internal;
  return results.every((r) => r.passed) ? EXIT.passed : EXIT.failed;
}
