import path from 'node:path';
import { installedNativeBackend, type BackendChoice, type BackendName } from '../backends/names.ts';
import { CHECK_RUNNERS } from '../checks/index.ts';
import { assertCourseResolves } from '../course/resolve.ts';
import type { CheckContext, Verdict } from '../checks/context.ts';
import { openExpected } from '../expected/open.ts';
import { ReferenceFailure } from '../expected/source.ts';
import type { ProgressListener } from './progress-events.ts';
import { loadInputs } from '../inputs/load.ts';
import { writeImagesForResult } from '../images/write.ts';
import { loadManifest } from '../manifest/load.ts';
import type { CheckSpec, Manifest } from '../manifest/types.ts';
import type { CheckResult, GradeResult } from '../results/types.ts';
import { assertValidResult } from '../results/validate.ts';
import { SandboxWorker } from '../sandbox/worker.ts';
import { bundleSubmission, SubmissionError } from '../submission/bundle.ts';
import { submissionExists, submissionFile, submissionRoot } from '../submission/locate.ts';
import { cleanText } from '../text/clean.ts';

export interface GradeOptions {
  submissionDir?: string;
  backend: BackendChoice;
  seed: number;
  /** Use and fill the reference-result cache (default true). */
  cache?: boolean;
  /** Caps every check's time limit, in seconds. */
  timeoutCap?: number;
  /** Where checks' PNG images go: `<imagesDir>/<exercise>/<name>.png`. Absent: none are written. */
  imagesDir?: string;
  /** Told which check runs and how far a long one got (the console's progress line). */
  onProgress?: ProgressListener;
}

export const DEFAULT_SEED = 1;

/** The sandbox could not start: usually a --backend that does not load here (the message says why). */
export class SandboxStartFailed extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'SandboxStartFailed';
  }
}

function checkResult(check: CheckSpec, v: Verdict, ms: number): CheckResult {
  const r: CheckResult = {
    name: check.name,
    kind: check.kind,
    passed: v.passed,
    score: v.passed ? check.points : 0,
    maxScore: check.points,
    message: v.message,
    hidden: check.hidden ?? false,
    durationMs: Math.round(ms),
  };
  if (v.hint) r.hint = v.hint;
  if (v.leaked !== undefined) r.leakedTensors = Math.max(0, v.leaked);
  return r;
}

function allFailed(manifest: Manifest, message: string): CheckResult[] {
  return manifest.checks.map((c) => checkResult(c, { passed: false, message }, 0));
}

/** Which checks cannot run because an export they need is missing or of the wrong type. */
function exportProblem(manifest: Manifest, check: CheckSpec, exported: Record<string, string>): string | undefined {
  const needed = check.export ? [check.export] : Object.keys(manifest.exports);
  for (const name of needed) {
    const want = manifest.exports[name]!;
    const got = exported[name];
    if (got === undefined) return `${name} is not exported (expected \`export ${want === 'class' ? 'class' : want === 'function' ? 'function' : 'const'} ${name}\`)`;
    if (got !== want) return `${name} is exported as ${got === 'undefined' ? 'undefined' : `a ${got}`}, but should be a ${want}`;
  }
  return undefined;
}

/**
 * Grades one exercise: manifest → seeded inputs → reference result → student function in the
 * sandbox → comparison → check results. Never throws for anything the submission does.
 */
export async function gradeExercise(id: string, opts: GradeOptions): Promise<GradeResult> {
  const started = performance.now();
  const manifest = loadManifest(id);
  // A manifest naming a recipe, task or judge the course folder lacks is the author's to fix (exit 3).
  await assertCourseResolves(manifest);
  const file = submissionFile(id, opts.submissionDir);
  const base = { exercise: id, title: manifest.title, notes: manifest.notes, submission: file, seed: opts.seed };
  const finish = (backend: BackendName | 'none', checks: CheckResult[], studentConsole: string, peakRssMb = 0): GradeResult => {
    const score = checks.reduce((a, c) => a + c.score, 0);
    const maxScore = checks.reduce((a, c) => a + c.maxScore, 0);
    const result: GradeResult = { ...base, backend, score, maxScore, passed: checks.every((c) => c.passed), checks, studentConsole, durationMs: Math.round(performance.now() - started) };
    if (peakRssMb > 0) result.sandboxPeakRssMb = Math.round(peakRssMb);
    assertValidResult(result);
    return result;
  };

  const root = submissionRoot(opts.submissionDir);
  if (!submissionExists(id, opts.submissionDir)) return finish('none', allFailed(manifest, `not submitted: ${file} does not exist`), '');
  // auto with a native package installed means that package: the sandbox must know before it starts (it runs unconfined then).
  const choice = opts.backend === 'auto' ? (installedNativeBackend() ?? 'auto') : opts.backend;
  let student = new SandboxWorker(choice, 'student');
  let starting = student.start();
  if (choice !== opts.backend) {
    // An installed native package that does not load: auto falls back to the confined wasm/cpu sandbox.
    starting = starting.catch(() => {
      student = new SandboxWorker('auto', 'student');
      return student.start();
    });
  }
  starting.catch(() => undefined);
  let bundle;
  try {
    bundle = await bundleSubmission(root, id, opts.timeoutCap);
  } catch (e) {
    student.kill();
    if (e instanceof SubmissionError) return finish('none', allFailed(manifest, e.compile ? `your file does not compile: ${e.message}` : e.message), '');
    throw e;
  }
  let backend: BackendName;
  try {
    ({ backend } = await starting);
  } catch (e) {
    throw new SandboxStartFailed((e as Error).message);
  }
  const expected = openExpected(manifest, backend, opts.seed, opts.cache ?? true);
  try {
    let loaded;
    try {
      // Loading gets the same cap as a check (--timeout), at most the sandbox's start-up allowance.
      loaded = await student.load({ type: 'load-submission', code: bundle.code, filename: `/submission/${bundle.file}`, exercise: id }, opts.timeoutCap);
    } catch (e) {
      // The process died or hung while evaluating the file (process.exit, a crash, an endless loop at import).
      const message = `your file stopped the sandbox while loading (${(e as Error).message.replace(/^sandbox (process )?/, '')}); code at the top level of the file runs on import: keep it to definitions`;
      return finish(backend, allFailed(manifest, message), student.consoleOutput());
    }
    if (loaded.type === 'load-failed') {
      const e = loaded.error;
      const message = e.notImplemented ? 'not implemented yet' : `your file threw while loading${e.where ? ` at ${e.where}` : ''}: ${e.name}: ${e.message}`;
      return finish(backend, allFailed(manifest, message), student.consoleOutput());
    }
    const exported = loaded.type === 'loaded' ? loaded.exports : {};
    // The console of loading and of visible checks is the student's; a hidden check's stays on its own result.
    let visibleConsole = student.takeConsole();
    let graderError: string | undefined;
    const inputs = await loadInputs(id);
    const checks: CheckResult[] = [];
    const imageNames = new Set<string>();
    const count = manifest.checks.length;
    // Hidden checks run after every visible one (their results keep the manifest's order): one
    // sandbox process runs them all, so code that keeps a hidden check's inputs could otherwise
    // print or throw them in a later visible check, where the student reads them.
    const runOrder = [...manifest.checks.entries()].sort(([i, a], [j, b]) => Number(a.hidden ?? false) - Number(b.hidden ?? false) || i - j);
    const inManifestOrder: CheckResult[] = [];
    for (const [index, check] of runOrder) {
      const t0 = performance.now();
      const where = { exercise: id, check: check.name, index, count };
      opts.onProgress?.({ kind: 'check-start', ...where });
      student.onProgress = opts.onProgress && ((p) => opts.onProgress!({ kind: 'progress', ...where, done: p.done, total: p.total, unit: p.unit, ...(p.note ? { note: p.note } : {}) }));
      // The answer key trains once per seed (then cached): its progress shows too, labelled as such.
      expected.onProgress = opts.onProgress && ((p) => opts.onProgress!({ kind: 'progress', ...where, done: p.done, total: p.total, unit: `reference ${p.unit}`, ...(p.note ? { note: p.note } : {}) }));
      const problem = exportProblem(manifest, check, exported);
      const runner = CHECK_RUNNERS[check.kind];
      let verdict: Verdict;
      if (problem) verdict = { passed: false, message: problem };
      else if (!runner) verdict = { passed: false, message: `the grader cannot run ${check.kind} checks yet` };
      else {
        // Judges see how the visible checks before this one went (hints that agree with them).
        const earlier = checks.filter((c) => !c.hidden).map((c) => ({ name: c.name, kind: c.kind, passed: c.passed }));
        const ctx: CheckContext = { manifest, check, seed: opts.seed, backend, student, expected, inputs, timeoutCap: opts.timeoutCap, earlier };
        try {
          verdict = await runner(ctx);
        } catch (e) {
          // The course's own faults (a damaged fixture, a broken reference) stop the grade with their message.
          if (e instanceof ReferenceFailure) throw e;
          // Values are checked before they are judged, so this is the grader's own failure: say so, and let a batch retry it.
          const why = e instanceof Error ? e.message : String(e);
          graderError ??= `check "${check.name}": ${why}`;
          verdict = { passed: false, message: `the grader could not judge this check (${cleanText(why, 300)}); this is not your mistake and will be regraded` };
        }
      }
      const result = checkResult(check, verdict, performance.now() - t0);
      opts.onProgress?.({ kind: 'check-end', ...where, passed: result.passed });
      const printed = student.takeConsole();
      if (printed) result.console = printed;
      if (printed && !check.hidden) visibleConsole += printed;
      // Images only from judges that ran; rendering is the grade step's, not the judge's.
      if (verdict.images?.length && opts.imagesDir) writeImagesForResult(result, verdict.images, path.join(opts.imagesDir, id), imageNames);
      checks.push(result);
      inManifestOrder[index] = result;
    }
    const result = finish(backend, inManifestOrder, visibleConsole, student.peakRssMb);
    if (graderError) result.graderError = cleanText(graderError, 1000);
    return result;
  } finally {
    await Promise.all([student.close(), expected.close()]);
  }
}
