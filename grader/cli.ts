import { Command, CommanderError, Option } from 'commander';
import { checkCourseMain, newMain, type CheckCourseCommandOptions } from './authoring/main.ts';
import { ScaffoldError } from './authoring/new-exercise.ts';
import type { BackendChoice } from './backends/names.ts';
import { BatchError, defaultJobs } from './batch/batch.ts';
import { batchMain, type BatchCommandOptions } from './batch/main.ts';
import { backendOption, gradingOptions, jobsOption, parseSeedList } from './cli/options.ts';
import { defaultIo, EXIT, UsageError, type Io } from './cli/io.ts';
import { CourseError } from './course/resolve.ts';
import { doctorReport } from './doctor/doctor.ts';
import { studentEdition } from './edition.ts';
import { ReferenceFailure } from './expected/compute.ts';
import { gradeCommand, type GradeCommandOptions } from './grade/command.ts';
import { DEFAULT_SEED, SandboxStartFailed } from './grade/grade-exercise.ts';
import { listExercises, renderList } from './list/list.ts';
import { ManifestError } from './manifest/load.ts';
import type { PackCommandOptions } from './pack/command.ts';
import { GRADESCOPE_METADATA } from './render/submission-metadata.ts';
import { ReportError } from './report/load.ts';
import { diffMain } from './report/diff-main.ts';
import { reportMain, type ReportCommandOptions } from './report/main.ts';

/**
 * The `grade` command: wires commander to the verbs, and maps what they throw to exit codes.
 * Each verb lives with its step (grade/command.ts, batch/main.ts, report/main.ts, pack/command.ts,
 * authoring/main.ts); options every grading verb shares are declared once (cli/options.ts).
 */
export { EXIT, type Io } from './cli/io.ts';

/** Builds the program without parsing, so tests can drive it. `done` receives the exit code. */
export function createProgram(io: Io = defaultIo, done: (code: number) => void = () => undefined): Command {
  const program = new Command('grade')
    .description('Grade deep-learning course exercises against the reference implementation.')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const check = program
    .command('check <ids...>', { isDefault: true, hidden: true })
    .description('grade one or more exercises (or "all")')
    .option('-s, --submission <dir>', 'a submission folder holding <id>/<id>.ts (default: this repo\'s exercises/)');
  gradingOptions(check)
    .addOption(new Option('-f, --format <format>', 'how to print the result (gradescope, prairielearn: results.json; classroom50: result.json; junit: JUnit XML)').choices(['console', 'json', 'gradescope', 'junit', 'prairielearn', 'classroom50']).default('console'))
    .option('-o, --out <file>', 'write the json/gradescope/junit/prairielearn/classroom50 output to this file instead of stdout')
    .option('--submission-metadata <file>', `Gradescope's submission_metadata.json, whose submission time goes into the result (default with --format gradescope: ${GRADESCOPE_METADATA} when it exists)`)
    .option('--images <dir>', 'where checks write PNG images, as <dir>/<exercise>/<name>.png (default: the folder of --out, else ./grade-output)')
    .option('-q, --quiet', 'no progress line on stderr while long checks run');
  jobsOption(check, 'exercises graded at once, each in its own sandbox; results print in the order asked')
    .action(async (ids: string[], o: GradeCommandOptions & { quiet?: boolean }) => done(await gradeCommand(ids, { ...o, progress: !o.quiet }, io)));

  const batch = program
    .command('batch <class-dir>')
    .description('grade every student folder of a class, on all cores; writes <out>/<student>/<exercise>.json as each grade is known and resumes')
    .requiredOption('-o, --out <dir>', 'where the results go');
  jobsOption(batch, 'grades running at once')
    .option('--shard <i/n|auto>', 'grade only shard i of n (1-based): the k-th student by sorted name goes to shard (k mod n) + 1; auto: from a Slurm array, Kubernetes Indexed Job or Actions matrix environment')
    .option('--exercises <ids>', 'comma-separated exercise ids (default: every exercise)')
    .option('--force', 'regrade what already has a result; the results as they were are kept in <out>/.history/<time>/')
    .option('--regrade', '--force, then print what changed against the kept results (as grade report --diff does)');
  gradingOptions(batch).action(async (classDir: string, o: BatchCommandOptions) => {
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
    .action(async (o: PackCommandOptions) => {
      if (studentEdition()) throw new UsageError('this is the student edition: it has no answer key to pack from; run grade pack in the instructor\'s grader');
      // Loaded by a computed path, only here: the student edition does not carry the packer.
      const packer = './pack/command.ts';
      const { packCommand } = (await import(packer)) as typeof import('./pack/command.ts');
      done(await packCommand(o, io));
    });

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

  const checkCourse = program
    .command('check-course [ids...]')
    .description('for an author: resolve each manifest, check its README rules, grade the reference, the stub and every wrong/ and correct/ fixture; exit 0 only when all is well');
  gradingOptions(checkCourse, { cache: false });
  jobsOption(checkCourse, 'grades running at once', defaultJobs()).action(async (ids: string[], o: CheckCourseCommandOptions) => done(await checkCourseMain(ids, o, io)));

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
