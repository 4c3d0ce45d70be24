/**
 * The sandbox process: loads one implementation and runs tasks on it at the parent's request.
 * Requests arrive in frames on fd 3, results go back on the token channel (fd 4, channel.ts);
 * stdout and stderr are the implementation's own console.
 */
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../backends/select.ts';
import { isBackendChoice } from '../backends/names.ts';
import { Rng } from '../basics/rng.ts';
import { courseFiles } from '../course/files.ts';
import { repoPath } from '../paths.ts';
import { commonTasks } from '../tasks/common.ts';
import { installProgressDispatcher } from '../tasks/progress.ts';
import type { Impl, Task, TaskTable } from '../tasks/types.ts';
import { captureResultWriter, REQUEST_FD, requestDecoder } from './channel.ts';
import { errorInfo, studentSource, type StudentSource } from './errors.ts';
import { lockDown } from './lockdown.ts';
import { evaluateBundle, submissionModules } from './load-module.ts';
import type { CaseOutcome, ChildMessage, ParentMessage, VariantInfo } from './protocol.ts';
import { runCase, WHOLLY_WATCHED_TASK } from './run-case.ts';
import { installTensorCount } from './tensor-count.ts';
import { listOf, UsageWatch } from './watch.ts';

// Captured now, before any implementation has run: see channel.ts.
const writeResult = captureResultWriter();
const send = (m: ChildMessage): void => {
  if (!writeResult) throw new Error('grader: the sandbox was started without a result channel');
  writeResult(m);
};
/** 'student': confined, runs only the submission; 'trusted': runs the answer key. */
const role = process.argv[3] === 'trusted' ? 'trusted' : 'student';

const watch = new UsageWatch();
/** Live tensors, counted where the implementation cannot reach (tensor-count.ts); set at start-up. */
let liveTensors: () => number = () => tf.memory().numTensors;
let submission: Impl | undefined;
let submissionSource: StudentSource | undefined;
let loadNames: string[] = [];
let reference: Impl | undefined;
let variants: (VariantInfo & { exports: Impl })[] = [];
const taskTables = new Map<string, TaskTable>();

function describeExports(mod: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(mod)) {
    out[k] = typeof v === 'function' ? (/^class\s/.test(Function.prototype.toString.call(v)) ? 'class' : 'function') : typeof v;
  }
  return out;
}

function watched(mod: Record<string, unknown>): Impl {
  const out: Impl = {};
  for (const [k, v] of Object.entries(mod)) {
    const isClass = typeof v === 'function' && /^class\s/.test(Function.prototype.toString.call(v));
    out[k] = typeof v === 'function' && !isClass ? watch.wrap(v as (...a: never[]) => unknown) : v;
  }
  return out;
}

/** The exercise's task table: the bundle the parent built (student), or the TypeScript file (trusted). */
async function tasksFor(exercise: string, bundled: string | null | undefined): Promise<TaskTable> {
  let table = taskTables.get(exercise);
  if (!table) {
    let own: TaskTable = {};
    if (role === 'student') {
      if (bundled) own = ((await import(pathToFileURL(bundled).href)) as { tasks: TaskTable }).tasks;
    } else {
      const file = courseFiles.tasks(exercise);
      if (fs.existsSync(file)) own = ((await import(pathToFileURL(file).href)) as { tasks: TaskTable }).tasks;
    }
    table = { ...commonTasks, ...own };
    taskTables.set(exercise, table);
  }
  return table;
}

function implFor(ref: Extract<ParentMessage, { type: 'run' }>['impl']): Impl {
  if (role === 'student' && ref.kind !== 'submission') throw new Error('grader: the student sandbox runs only the submission');
  if (ref.kind === 'submission') {
    if (!submission) throw new Error('grader: no submission loaded');
    return submission;
  }
  if (!reference) throw new Error('grader: no reference loaded');
  if (ref.kind === 'reference') return reference;
  const v = variants.find((x) => x.id === ref.id);
  if (!v) throw new Error(`grader: unknown variant ${ref.id}`);
  return { ...reference, ...v.exports };
}

/** Where tasks' reportProgress goes: the running request's reporter (see grader/tasks/progress.ts). */
let currentProgress: ((done: number, total: number, unit: string, note?: string) => void) | undefined;
installProgressDispatcher(() => currentProgress);

/** At most this often a running request reports its progress (the last unit is always sent). */
const PROGRESS_EVERY_MS = 500;

function progressOf(id: number): (done: number, total: number, unit: string, note?: string) => void {
  let last = 0;
  return (done, total, unit, note) => {
    if (!Number.isFinite(done) || !Number.isFinite(total) || typeof unit !== 'string') return;
    const now = performance.now();
    if (done < total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    send({ type: 'progress', id, done, total, unit, ...(note !== undefined ? { note } : {}) });
  };
}

async function run(msg: Extract<ParentMessage, { type: 'run' }>): Promise<void> {
  const started = performance.now();
  const impl = implFor(msg.impl);
  const table = await tasksFor(msg.exercise, msg.tasksModule);
  const task: Task | undefined = table[msg.task];
  if (!task) throw new Error(`grader: exercise ${msg.exercise} has no task "${msg.task}"`);
  watch.reset();
  watch.noteNames(loadNames);
  const before = liveTensors();
  const outcomes: CaseOutcome[] = [];
  const file = msg.impl.kind === 'submission' ? submissionSource : undefined;
  currentProgress = progressOf(msg.id);
  for (const c of msg.cases) {
    // tfjs-layers shuffles with Math.random: seed it per case so training is reproducible.
    const caseRng = new Rng(`${msg.options.seed}/${c.label}`);
    caseRng.fork('math-random').installAsMathRandom();
    try {
      const ctx = { exportName: msg.export, options: msg.options, rng: (label: string) => caseRng.fork(label) };
      outcomes.push({ ok: true, value: await runCase(task, impl, c.args, ctx, watch, msg.task === WHOLLY_WATCHED_TASK) });
    } catch (e) {
      outcomes.push({ ok: false, error: errorInfo(e, file) });
    }
  }
  // Let timers and rejections the implementation left behind fire while this request is the
  // current one, so that a crash they cause is reported on this check.
  await new Promise((resolve) => setTimeout(resolve, 1));
  currentProgress = undefined;
  const leaked = liveTensors() - before;
  send({
    type: 'result',
    id: msg.id,
    outcomes,
    // Lists copied without anything the implementation can patch (watch.ts); the parent sorts them.
    kernels: listOf(watch.kernels),
    names: listOf(watch.names),
    leaked,
    ms: performance.now() - started,
    peakRssMb: 0,
  });
}

async function handle(msg: ParentMessage): Promise<void> {
  if (msg.type === 'load-submission') {
    submissionSource = studentSource(msg.filename, msg.code);
    // The exercise's tasks first: their module-level code (captured intrinsics: input-guard.ts)
    // must run before the submission can patch anything. A failure shows again on the first run.
    if (msg.exercise && msg.tasksModule !== undefined) await tasksFor(msg.exercise, msg.tasksModule).catch(() => undefined);
    try {
      watch.reset();
      const mod = evaluateBundle(msg.code, msg.filename, submissionModules(watch.studentTf()));
      loadNames = listOf(watch.names);
      submission = watched(mod);
      send({ type: 'loaded', exports: describeExports(mod) });
    } catch (e) {
      send({ type: 'load-failed', error: errorInfo(e, submissionSource) });
    }
  } else if (msg.type === 'load-reference') {
    try {
      if (role === 'student') throw new Error('grader: the student sandbox never loads the reference');
      const mod = (await import(pathToFileURL(repoPath(msg.reference)).href)) as Record<string, unknown>;
      reference = watched(mod);
      if (msg.variants) {
        const v = (await import(pathToFileURL(repoPath(msg.variants)).href)) as { variants: (VariantInfo & { exports: Record<string, unknown> })[] };
        variants = v.variants.map((x) => ({ id: x.id, verdict: x.verdict, hint: x.hint, exports: watched(x.exports) }));
      }
      send({ type: 'loaded', exports: describeExports(mod), variants: variants.map(({ id, verdict, hint }) => ({ id, verdict, hint })) });
    } catch (e) {
      send({ type: 'load-failed', error: errorInfo(e) });
    }
  } else if (msg.type === 'run') {
    try {
      await run(msg);
    } catch (e) {
      send({ type: 'run-failed', id: msg.id, error: errorInfo(e, submissionSource) });
    }
  }
}

/** An error nobody caught (a timer, a callback, a promise) ends the process, saying what it was. */
function onFatal(what: 'an uncaught exception' | 'an unhandled promise rejection') {
  return (e: unknown): void => {
    try {
      send({ type: 'fatal', what, error: errorInfo(e, submissionSource) });
    } finally {
      process.exit(70);
    }
  };
}

async function main(): Promise<void> {
  process.setSourceMapsEnabled(true);
  process.on('uncaughtException', onFatal('an uncaught exception'));
  process.on('unhandledRejection', onFatal('an unhandled promise rejection'));
  const choice = process.argv[2] ?? 'auto';
  if (!isBackendChoice(choice)) {
    send({ type: 'startup-failed', message: `unknown backend ${choice}` });
    return;
  }
  try {
    const sel = await selectBackend(choice);
    watch.installKernelHooks();
    liveTensors = installTensorCount();
    if (role === 'student') lockDown();
    send({ type: 'ready', backend: sel.name, reason: sel.reason });
  } catch (e) {
    send({ type: 'startup-failed', message: (e as Error).message });
    return;
  }
  // Requests are handled one at a time, in order; the parent closing the pipe ends the process.
  let queue = Promise.resolve();
  const requests = new net.Socket({ fd: REQUEST_FD, readable: true, writable: false });
  requests.on('data', requestDecoder((m) => {
    queue = queue.then(() => handle(m as ParentMessage));
  }));
  requests.on('end', () => process.exit(0));
  requests.on('error', () => process.exit(0));
}

void main();
