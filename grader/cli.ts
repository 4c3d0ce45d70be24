import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { BACKEND_CHOICES, type BackendChoice } from './backends/names.ts';
import { checkCourseMain, newMain, type CheckCourseCommandOptions } from './authoring/main.ts';
import { ScaffoldError } from './authoring/new-exercise.ts';
import { BatchError, defaultJobs } from './batch/batch.ts';
import { batchMain, type BatchCommandOptions } from './batch/main.ts';
import { gradeSafely } from './batch/safe-grade.ts';
import { doctorReport } from './doctor/doctor.ts';
import { DEFAULT_SEED, gradeExercise, SandboxStartFailed } from './grade/grade-exercise.ts';
import { gradeMany } from './grade/grade-many.ts';
import { ReferenceFailure } from './expected/compute.ts';
import { studentEdition } from './edition.ts';
import { CourseError } from './course/resolve.ts';
import { listExerciseIds, ManifestError, unknownExercises } from './manifest/load.ts';
import { listExercises, renderList } from './list/list.ts';
import { progressLine, type ProgressSink } from './render/progress-line.ts';
import { renderConsole } from './render/console.ts';
import { gradescopeCrash, renderGradescope } from './render/gradescope.ts';
import { renderClassroom50 } from './render/classroom50.ts';
import { renderJunit } from './render/junit.ts';
import { prairieLearnCrash, renderPrairieLearn } from './render/prairielearn.ts';
import { GRADESCOPE_METADATA, submissionTime } from './render/submission-metadata.ts';
import { ReportError } from './report/load.ts';
import { diffMain } from './report/diff-main.ts';
import { reportMain, type ReportCommandOptions } from './report/main.ts';
import { withEnvironment } from './results/environment.ts';
import type { GradeResult } from './results/types.ts';

/** Exit codes: every check passed; some check failed; the command was used wrongly. */
export const EXIT = { passed: 0, failed: 1, usage: 2, internal: 3 } as const;

/** Where a command writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Colour the console output (only when `out` is a terminal). */
  color?: boolean;
  /** Where the progress line of long checks goes (stderr); absent: none. */
  progress?: ProgressSink;
}

// Colour only on a terminal (picocolors alone would also colour CI logs and pipes), and never with NO_COLOR.
const defaultIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  color: (process.stdout.isTTY === true && !('NO_COLOR' in process.env)) || 'FORCE_COLOR' in process.env,
  progress: {
    write: (t) => void process.stderr.write(t),
    // A CI log is not a terminal even when it claims to be: plain lines there.
    tty: process.stderr.isTTY === true && !(process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false'),
    get columns() {
      return process.stderr.columns;
    },
  },
};

class UsageError extends Error {}

function parseSeed(v: string): number {
  if (!/^-?\d+$/.test(v)) throw new InvalidArgumentError('the seed must be an integer.');
  return Number(v);
}

function parsePositive(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds.');
  return n;
}

function parseJobs(v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError('expected a positive integer.');
  return Number(v);
}

const backendOption = (): Option => new Option('-b, --backend <name>', 'where tensors run').choices([...BACKEND_CHOICES]).default('auto');

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

/** Writes a file whole or not at all (tmp + rename). */
function writeFileAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** Prints `text`, or writes it to `--out`. */
function emit(text: string, o: GradeCommandOptions, io: Io): void {
  if (o.out) writeFileAtomically(o.out, text);
  else io.out(text.trimEnd());
}

async function gradeCommand(ids: string[], o: GradeCommandOptions, io: Io): Promise<number> {
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

interface PackCommandOptions {
  out: string;
  exercises?: string;
  seeds: number[];
  backend: 'wasm' | 'cpu' | 'node' | 'gpu';
  notes?: string;
}

function parseSeedList(v: string): number[] {
  const seeds = v.split(',').map((s) => s.trim());
  if (seeds.some((s) => !/^-?\d+$/.test(s))) throw new InvalidArgumentError('expected comma-separated integer seeds, e.g. 1,2,3.');
  return [...new Set(seeds.map(Number))];
}

async function packCommand(o: PackCommandOptions, io: Io): Promise<number> {
  const exercises = o.exercises?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = unknownExercises(exercises ?? []);
  if (unknown) throw new UsageError(unknown);
  if (studentEdition()) throw new UsageError('this is the student edition: it has no answer key to pack from; run grade pack in the instructor\'s grader');
  // Loaded by a computed path, only here: the student edition does not carry the packer.
  const packer = './pack/pack.ts';
  const { pack } = (await import(packer)) as typeof import('./pack/pack.ts');
  try {
    const s = await pack({ out: o.out, exercises, seeds: o.seeds, backend: o.backend, notes: o.notes, log: io.err });
    const hidden = s.exercises.reduce((a, e) => a + e.hiddenChecks, 0);
    io.out(`student edition written to ${s.out}: ${s.exercises.length} exercises, ${hidden} hidden checks left out, ${s.files} grader files, ${(s.fixtureBytes / 1024).toFixed(0)} KiB of expected results (seeds ${o.seeds.join(', ')})`);
    return EXIT.passed;
  } catch (e) {
    if (e instanceof Error && e.name === 'PackError') throw new UsageError(e.message);
    throw e;
  }
}

/** Builds the program without parsing, so tests can drive it. `done` receives the exit code. */
export function createProgram(io: Io = defaultIo, done: (code: number) => void = () => undefined): Command {
  const program = new Command('grade')
    .description('Grade deep-learning course exercises against the reference implementation.')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('check <ids...>', { isDefault: true, hidden: true })
    .description('grade one or more exercises (or "all")')
    .option('-s, --submission <dir>', 'a submission folder holding <id>/<id>.ts (default: this repo\'s exercises/)')
    .addOption(backendOption())
    .option('--seed <n>', 'seed of every input and training run', parseSeed, DEFAULT_SEED)
    .addOption(new Option('-f, --format <format>', 'how to print the result (gradescope, prairielearn: results.json; classroom50: result.json; junit: JUnit XML)').choices(['console', 'json', 'gradescope', 'junit', 'prairielearn', 'classroom50']).default('console'))
    .option('-o, --out <file>', 'write the json/gradescope/junit/prairielearn/classroom50 output to this file instead of stdout')
    .option('--submission-metadata <file>', `Gradescope's submission_metadata.json, whose submission time goes into the result (default with --format gradescope: ${GRADESCOPE_METADATA} when it exists)`)
    .option('--no-cache', 'recompute the reference results instead of reading the cache')
    .option('--timeout <seconds>', 'cap every check\'s time limit at this many seconds', parsePositive)
    .option('--images <dir>', 'where checks write PNG images, as <dir>/<exercise>/<name>.png (default: the folder of --out, else ./grade-output)')
    .option('-q, --quiet', 'no progress line on stderr while long checks run')
    .option('-j, --jobs <n>', `exercises graded at once, each in its own sandbox; results print in the order asked (default: the number of cores, ${defaultJobs()} here)`, parseJobs)
    .action(async (ids: string[], o: GradeCommandOptions & { quiet?: boolean }) => done(await gradeCommand(ids, { ...o, progress: !o.quiet }, io)));

  program
    .command('batch <class-dir>')
    .description('grade every student folder of a class, on all cores; writes <out>/<student>/<exercise>.json as each grade is known and resumes')
    .requiredOption('-o, --out <dir>', 'where the results go')
    .option('-j, --jobs <n>', `grades running at once (default: the number of cores, ${defaultJobs()} here)`, parseJobs)
    .option('--shard <i/n|auto>', 'grade only shard i of n (1-based): the k-th student by sorted name goes to shard (k mod n) + 1; auto: from a Slurm array, Kubernetes Indexed Job or Actions matrix environment')
    .option('--exercises <ids>', 'comma-separated exercise ids (default: every exercise)')
    .option('--force', 'regrade what already has a result; the results as they were are kept in <out>/.history/<time>/')
    .option('--regrade', '--force, then print what changed against the kept results (as grade report --diff does)')
    .addOption(backendOption())
    .option('--seed <n>', 'seed of every input and training run', parseSeed, DEFAULT_SEED)
    .option('--no-cache', 'recompute the reference results instead of reading the cache')
    .option('--timeout <seconds>', 'cap every check\'s time limit at this many seconds', parsePositive)
    .action(async (classDir: string, o: BatchCommandOptions) => {
      await batchMain(classDir, o, io);
      done(EXIT.passed);
    });

  program
    .command('report <out-dirs...>')
    .description('merge batch results (one folder per shard) into an HTML report, gradebooks for the LMS and feedback pages; or compare two runs with --diff')
    .option('--html <file>', 'write the instructor report here')
    .option('--csv <file>', 'write the gradebook here (one row per student, RFC 4180)')
    .option('--roster <file>', 'CSV mapping student folders to their LMS identity (folder,name,lms_id,sis_id,login,email,section)')
    .option('--canvas <file>', 'write a Canvas gradebook import CSV')
    .option('--canvas-assignment <header>', 'with --canvas: one column with the total, headed like "Autograder (4521)" (Canvas assignment id in parentheses)')
    .option('--canvas-ids <pairs>', 'with --canvas: the Canvas assignment each exercise updates, e.g. sgd=4521,adam=4522')
    .option('--moodle <file>', 'write a Moodle grade import CSV (email, grades, feedback)')
    .option('--plain <file>', 'write student_id,score,max,comments')
    .option('--per-student <dir>', 'write one self-contained feedback page per student')
    .option('--diff', 'compare two results folders (old, new): list every grade that changed; exit 0 when none did, 1 when some did')
    .action((dirs: string[], o: ReportCommandOptions) => {
      if (o.diff) return done(diffMain(dirs, io));
      reportMain(dirs, o, io);
      done(EXIT.passed);
    });

  program
    .command('pack')
    .description('write the student edition: stubs, READMEs, the grader and the expected results of the public checks, without the answer key or hidden checks')
    .requiredOption('-o, --out <dir>', 'where the student edition goes (a new or empty folder, or an earlier student edition to replace)')
    .option('--exercises <ids>', 'comma-separated exercise ids (default: every exercise)')
    .option('--seeds <list>', 'comma-separated seeds to pack expected results for', parseSeedList, [DEFAULT_SEED])
    .addOption(new Option('-b, --backend <name>', 'backend the expected results are computed on').choices(['wasm', 'cpu', 'node', 'gpu']).default('wasm'))
    .option('--notes <file>', 'the lecture notes to include (default: ../shared/course/lecture-notes.md)')
    .action(async (o: PackCommandOptions) => done(await packCommand(o, io)));

  program
    .command('list')
    .description('list the exercises and which are still stubs')
    .option('-s, --submission <dir>', 'look at a submission folder instead of this repo\'s exercises/')
    .action((o: { submission?: string }) => {
      io.out(renderList(listExercises(o.submission)));
      done(EXIT.passed);
    });

  program
    .command('new <id>')
    .description('scaffold a new exercise (README, manifest, stub, reference and variants, cases, tests, fixtures) that check-course passes as written')
    .option('--topic <folder>', 'the folder of reference/ the answer key goes in', 'misc')
    .action((id: string, o: { topic: string }) => done(newMain(id, o, io)));

  program
    .command('check-course [ids...]')
    .description('for an author: resolve each manifest, check its README rules, grade the reference, the stub and every wrong/ and correct/ fixture; exit 0 only when all is well')
    .addOption(backendOption())
    .option('--seed <n>', 'seed of every input and training run', parseSeed, DEFAULT_SEED)
    .option('-j, --jobs <n>', `grades running at once (default: the number of cores, ${defaultJobs()} here)`, parseJobs, defaultJobs())
    .option('--timeout <seconds>', 'cap every check\'s time limit at this many seconds', parsePositive)
    .action(async (ids: string[], o: CheckCourseCommandOptions) => done(await checkCourseMain(ids, o, io)));

  program
    .command('doctor')
    .description('show versions, which backends load, and which one is chosen and why')
    .addOption(backendOption())
    .action((o: { backend: BackendChoice }) => {
      io.out(doctorReport(o.backend));
      done(EXIT.passed);
    });

  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let code: number = EXIT.passed;
  const program = createProgram(io, (c) => (code = c));
  program.exitOverride();
  for (const sub of program.commands) sub.exitOverride();
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.passed;
      return EXIT.usage;
    }
    if (e instanceof BatchError || e instanceof ReportError || e instanceof ScaffoldError) {
      io.err(`grade: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof SandboxStartFailed) {
      io.err(`grade: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof ReferenceFailure) {
      io.err(`grade: ${e.message}\nThis is a fault of the course's grader, not of the submission: please report it.`);
      return EXIT.internal;
    }
    if (e instanceof CourseError) {
      io.err(`grade: ${e.message}\nThis is a fault of the course's grader, not of the submission: fix the manifest or the course folder.`);
      return EXIT.internal;
    }
    if (e instanceof UsageError || e instanceof ManifestError) {
      io.err(`grade: ${e.message}`);
      return e instanceof UsageError ? EXIT.usage : EXIT.internal;
    }
    io.err(`grade: internal error: ${(e as Error).stack ?? String(e)}`);
    return EXIT.internal;
  }
}
