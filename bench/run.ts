/**
 * `npm run bench`: speed, memory and leaks measured side by side in one run. Writes
 * bench/results.json and bench/results.md, and puts the table into the README's
 * Performance section. Not part of `npm test`: these machines are shared and noisy.
 *
 * Quick checks: BENCH_SECTIONS=training,ceiling,grade,pictures,catalog,batch picks sections (default: all;
 * a section left out keeps its figures from the last bench/results.json), and
 * BENCH_EXERCISES=sgd,dense,… grades only those in the catalog section.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listExerciseIds, loadManifest } from '../grader/manifest/load.ts';
import { REPO_ROOT } from '../grader/paths.ts';
import type { GradeResult } from '../grader/results/types.ts';
import { referenceSubmission } from '../test/grading.ts';
import { catalogSubmission, gradeCatalog, type CatalogRun } from './catalog.ts';
import { batchRun, realClass, realClassExercises, type BatchRun } from './real-class.ts';
import { torchCnnThroughput } from './torch-cnn.ts';

const RUN_TS = path.join(REPO_ROOT, 'bin', 'run-ts.js');
const GRADE = path.join(REPO_ROOT, 'bin', 'grade.js');
const notes: string[] = [];
const SECTIONS = (process.env.BENCH_SECTIONS ?? 'training,ceiling,grade,pictures,catalog,batch').split(',').map((x) => x.trim());
const runs = (section: string): boolean => SECTIONS.includes(section);
const RESULTS_FILE = path.join(REPO_ROOT, 'bench', 'results.json');
/** The last run's figures: what a section left out of this run keeps. */
const previous = (fs.existsSync(RESULTS_FILE) ? JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) : {}) as Record<string, any>;
const CORES = os.availableParallelism?.() ?? os.cpus().length;
// The notes of a section left out stay with its figures.
for (const n of (previous.notes ?? []) as string[]) if (['training', 'ceiling', 'grade', 'pictures', 'catalog', 'batch'].some((sec) => !runs(sec) && n.startsWith(sec))) notes.push(n);

function runJson<T>(file: string, args: string[], timeoutMs: number): T | { error: string } {
  const r = spawnSync(process.execPath, [RUN_TS, file, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: timeoutMs });
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    const stderr = r.stderr ?? '';
    const why = r.error ? r.error.message : (stderr.match(/is not available: ([^\n]*?)(\. Run `grade doctor`|$)/m)?.[1] ?? stderr.trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${r.status}`);
    return { error: why.slice(0, 200) };
  }
}

// --- training throughput per backend, and the matMul ceiling --------------------------------
type Throughput = { samplesPerSec: number; stepMs: number; flopsPerSample: number };
let training: Record<string, Record<string, { samplesPerSec: number; stepMs: number } | { error: string }>> = {};
let cnnFlopsPerSample = 0;
if (!runs('training')) training = Object.fromEntries(Object.entries((previous.training ?? {}) as typeof training).map(([m, v]) => [m, Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'achievedGflops'))]));
for (const model of runs('training') ? ['mlp', 'cnn'] : []) {
  training[model] = {};
  for (const backend of ['wasm', 'cpu', 'node', 'gpu']) {
    // The pure-JS backend is ~100× slower: fewer, smaller steps measure it well enough.
    const args = backend === 'cpu' ? [model, backend, model === 'cnn' ? '20' : '8', '16'] : [model, backend, '10', '64'];
    process.stderr.write(`training ${model} on ${backend}…\n`);
    const r = runJson<Throughput>('bench/training-throughput.ts', args, 600_000);
    if ('error' in r) {
      training[model]![backend] = { error: r.error };
      continue;
    }
    training[model]![backend] = { samplesPerSec: r.samplesPerSec, stepMs: r.stepMs };
    if (model === 'cnn') cnnFlopsPerSample = r.flopsPerSample;
    if (model === 'cnn' && backend === 'wasm') {
      // PyTorch on one CPU thread, the same architecture, right after wasm under the same load.
      process.stderr.write('training cnn in PyTorch, one thread…\n');
      const t = torchCnnThroughput(10);
      training.cnn!.torch = 'error' in t ? t : { samplesPerSec: t.samplesPerSec, stepMs: t.stepMs };
    }
  }
}
/** Raw measurements so far, saved after each section so an interrupted run keeps what it measured. */
function saveProgress(section: string, value: unknown): void {
  const file = path.join(REPO_ROOT, 'bench', 'progress.json');
  const prev = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...prev, [section]: value }, null, 2));
}
saveProgress('training', training);
if (runs('ceiling')) process.stderr.write('matMul ceiling…\n');
const ceiling = runs('ceiling') ? runJson<{ gflops: number; backend: string }>('bench/matmul-ceiling.ts', ['auto'], 120_000) : { gflops: previous.ceiling?.matmulGflops ?? NaN, backend: 'previous run' };

// --- grade wall time per check kind, cold and warm ---------------------------------------------
/** The exercise that stands for each check kind: its checks are of that kind, and it grades quickly. */
const KIND_EXERCISE: Record<string, string> = { output: 'early-stopping', gradient: 'regularization', accuracy: 'mlp', distribution: 'dropout' };
function exerciseFor(kind: string): string | undefined {
  const id = KIND_EXERCISE[kind];
  return id && listExerciseIds().includes(id) && loadManifest(id).checks.some((c) => c.kind === kind) ? id : undefined;
}

function timedGrade(id: string, cacheDir: string, submission: string): { seconds: number; result: GradeResult } {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [GRADE, id, '--backend', 'wasm', '--submission', submission, '--format', 'json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, GRADER_CACHE_DIR: cacheDir },
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  return { seconds: (performance.now() - t0) / 1000, result: JSON.parse(out) as GradeResult };
}

/** A grade that exits 1 (some check failed) is still a measurement; execFileSync throws on it. */
function timedGradeAnyExit(id: string, cacheDir: string, submission: string) {
  try {
    return timedGrade(id, cacheDir, submission);
  } catch (e) {
    const out = (e as { stdout?: string }).stdout;
    if (out) return { seconds: NaN, result: JSON.parse(out) as GradeResult };
    throw e;
  }
}

const grade: Record<string, { exercise: string; coldSeconds: number; warmSeconds: number } | null> = runs('grade') ? {} : (previous.grade ?? {});
for (const kind of runs('grade') ? ['output', 'gradient', 'accuracy', 'distribution'] : []) {
  const id = exerciseFor(kind);
  if (!id) {
    grade[kind] = null;
    notes.push(`grade.${kind}: no exercise with ${kind} checks yet`);
    continue;
  }
  process.stderr.write(`grading ${id} (${kind}) cold and warm…\n`);
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cache-'));
  // MNIST's own cache is shared: "cold" here means no reference results cached.
  fs.mkdirSync(path.join(cache, 'datasets'), { recursive: true });
  const sub = referenceSubmission(id);
  const cold = timedGradeAnyExit(id, cache, sub);
  const warm = timedGradeAnyExit(id, cache, sub);
  grade[kind] = { exercise: id, coldSeconds: cold.seconds, warmSeconds: warm.seconds };
}
saveProgress('ceiling', ceiling);
saveProgress('grade', grade);

// --- what the pictures cost: the same grades with and without an images folder, interleaved ---------
type PictureCost = Record<string, { offMs: number; onMs: number; pictures: number }>;
let pictures: PictureCost | { error: string } = previous.pictures ?? {};
if (runs('pictures')) {
  process.stderr.write('grades with and without pictures…\n');
  pictures = runJson<PictureCost>('bench/pictures-cost.ts', ['7'], 600_000);
  notes.push('pictures: median wall of 7 grades of the reference with pictures and 7 without, alternately in one process, reference results cached');
  saveProgress('pictures', pictures);
}

// --- one student's whole catalog: grade all, 1 job then every core --------------------------------
// The answer key of every exercise handed in as one submission. The 1-job run goes first and
// fills any reference result not yet cached; the all-cores run is then warm.
let leakedTensors: number = previous.leakedTensors ?? 0;
let peakRssMb: number = previous.memory?.peakRssMb ?? 0;
let catalog: Record<string, unknown> = previous.catalog ?? {};
if (runs('catalog')) {
  const ids = process.env.BENCH_EXERCISES ? process.env.BENCH_EXERCISES.split(',').map((x) => x.trim()) : listExerciseIds();
  const sub = catalogSubmission(ids);
  const summarise = (r: CatalogRun) => ({ wallSeconds: Math.round(r.wallSeconds * 10) / 10, sumOfGradesSeconds: Math.round(r.results.reduce((a, x) => a + x.durationMs, 0) / 100) / 10, referencesComputed: r.referencesComputed });
  process.stderr.write(`catalog: grade all of ${ids.length} exercises, 1 job…\n`);
  const one = gradeCatalog(ids, sub, 1);
  process.stderr.write(`catalog: grade all, ${CORES} jobs…\n`);
  const all = gradeCatalog(ids, sub, CORES);
  leakedTensors = one.results.reduce((a, r) => a + r.checks.reduce((b, c) => b + (c.leakedTensors ?? 0), 0), 0);
  peakRssMb = Math.max(...one.results.map((r) => r.sandboxPeakRssMb ?? 0), ...all.results.map((r) => r.sandboxPeakRssMb ?? 0));
  for (const r of all.results) if (!r.passed) notes.push(`the reference of ${r.exercise} did not pass: ${r.checks.filter((c) => !c.passed).map((c) => c.name).join(', ')}`);
  catalog = { ...summarise(all), jobs: CORES, exercises: ids.length, perExercise: all.perExercise, jobs1: { ...summarise(one), perExercise: one.perExercise } };
  if (one.referencesComputed > 0) notes.push(`catalog.jobs1 computed ${one.referencesComputed} reference results (the cache was not warm), so its wall time includes them; catalog.wallSeconds (${CORES} jobs) ran after it, warm`);
  if (all.referencesComputed > 0) notes.push(`catalog (${CORES} jobs) still computed ${all.referencesComputed} reference results`);
  if (ids.length < listExerciseIds().length) notes.push(`catalog.*: ${ids.length} of ${listExerciseIds().length} exercises (BENCH_EXERCISES=${ids.join(',')})`);
  saveProgress('catalog', catalog);
}

// --- batch throughput: 1 job and all cores --------------------------------------------------
let batch: Record<string, any> = previous.batch ?? {};
if (runs('batch')) {
  // The sample class as it is (mallory's hang costs its time limit): the figure kept from before.
  const BATCH_EXERCISES = 'sgd,dense,softmax-cross-entropy,regularization,early-stopping,dropout'.split(',');
  const sample = path.join(REPO_ROOT, 'examples', 'class');
  batchRun(sample, BATCH_EXERCISES, CORES, ['--timeout', '10']); // warm: fills any reference result not yet cached
  process.stderr.write('batch (sample class), 1 job…\n');
  const jobs1 = batchRun(sample, BATCH_EXERCISES, 1, ['--timeout', '10']).perMinute;
  process.stderr.write(`batch (sample class), ${CORES} jobs…\n`);
  const jobsAll = batchRun(sample, BATCH_EXERCISES, CORES, ['--timeout', '10']).perMinute;
  notes.push(`batch.jobs1/jobsAll: the sample class (examples/class, 3 students) on ${BATCH_EXERCISES.join(',')}, --timeout 10 (mallory's hang costs its limit); reference results cached`);
  // A class of real submissions, nobody hanging: what every core busy means for a real class.
  const real = realClass();
  const realExercises = realClassExercises();
  batchRun(real.dir, realExercises, CORES); // warm
  const round = (b: BatchRun) => ({ perMinute: b.perMinute, graded: b.graded, wallSeconds: Math.round(b.wallSeconds * 10) / 10, cpuSeconds: b.cpuSeconds });
  process.stderr.write('batch (real class), 1 job…\n');
  const r1 = round(batchRun(real.dir, realExercises, 1));
  process.stderr.write(`batch (real class), ${CORES} jobs…\n`);
  const rAll = round(batchRun(real.dir, realExercises, CORES));
  batch = { jobs1: { perMinute: jobs1 }, jobsAll: { perMinute: jobsAll, jobs: CORES }, realClass: { students: real.students, exercises: realExercises, jobs1: r1, jobsAll: { ...rAll, jobs: CORES } } };
  notes.push(`batch.realClass: ada and ben of examples/class twice each (${real.students} students) on ${realExercises.join(',')}, reference results cached; cpuSeconds is user + system of the batch and every process it started`);
  saveProgress('batch', batch);
}

// --- results ------------------------------------------------------------------------------
const ok = (v: unknown): v is { samplesPerSec: number } => typeof v === 'object' && v !== null && 'samplesPerSec' in v;
const cnnWasm = training.cnn?.wasm;
const achieved = ok(cnnWasm) && cnnFlopsPerSample > 0 ? (cnnWasm.samplesPerSec * cnnFlopsPerSample) / 1e9 : runs('training') ? null : ((previous.training?.cnn?.achievedGflops as number | undefined) ?? null);
const results = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.versions.node, date: new Date().toISOString() },
  training: Object.fromEntries(Object.entries(training).map(([m, byBackend]) => [m, { ...byBackend, ...(m === 'cnn' && achieved !== null ? { achievedGflops: achieved } : {}) }])),
  ceiling: { matmulGflops: 'error' in ceiling ? null : ceiling.gflops },
  grade,
  pictures,
  catalog,
  batch,
  memory: { peakRssMb },
  leakedTensors,
  notes,
};
fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);

const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
const rows: string[] = ['| measure | value |', '|---|---|'];
for (const [m, byBackend] of Object.entries(training)) {
  for (const [b, v] of Object.entries(byBackend)) rows.push(`| ${m.toUpperCase()} training on ${b === 'torch' ? 'PyTorch, one CPU thread' : b} (samples/s) | ${ok(v) ? f(v.samplesPerSec) : (v as { error: string }).error.replace(/^(?!not measured)/, 'not measured: ')} |`);
  const w = byBackend.wasm;
  const c = byBackend.cpu;
  if (ok(w) && ok(c)) rows.push(`| ${m.toUpperCase()} wasm ÷ cpu | ${f(w.samplesPerSec / c.samplesPerSec)}× |`);
  const torch = byBackend.torch;
  if (ok(w) && ok(torch)) rows.push(`| ${m.toUpperCase()} wasm ÷ PyTorch one thread (same run) | ${f(w.samplesPerSec / torch.samplesPerSec, 2)}× |`);
}
rows.push(`| matMul ceiling, 1024² on the default backend (GFLOP/s) | ${f(results.ceiling.matmulGflops)} |`);
if (achieved !== null) rows.push(`| CNN training achieved (GFLOP/s, forward + backward) | ${f(achieved, 2)} (${f((100 * achieved) / (results.ceiling.matmulGflops ?? NaN))}% of the ceiling) |`);
for (const [kind, g] of Object.entries(grade)) {
  rows.push(`| \`grade\` of an ${kind} exercise${g ? ` (${g.exercise})` : ''}, cold / warm (s) | ${g ? `${f(g.coldSeconds)} / ${f(g.warmSeconds)}` : 'no such exercise yet'} |`);
}
if ('error' in pictures) rows.push(`| a grade with pictures ÷ without | not measured: ${pictures.error} |`);
else {
  for (const [id, p] of Object.entries(pictures)) rows.push(`| \`grade ${id}\` without / with its ${p.pictures} picture${p.pictures === 1 ? '' : 's'} (ms, median) | ${p.offMs} / ${p.onMs} (${f(p.onMs / p.offMs, 3)}×) |`);
}
const cat = catalog as { wallSeconds?: number; jobs?: number; exercises?: number; perExercise?: Record<string, number>; jobs1?: { wallSeconds: number } };
if (cat.wallSeconds !== undefined) {
  rows.push(`| one student's whole catalog (${cat.exercises} exercises, reference answers), \`grade all\` with 1 job / ${cat.jobs} jobs (s) | ${f(cat.jobs1?.wallSeconds)} / ${f(cat.wallSeconds)}${cat.jobs1 ? ` (${f(cat.jobs1.wallSeconds / cat.wallSeconds, 2)}×)` : ''} |`);
  const slowest = Object.entries(cat.perExercise ?? {}).sort((a, b) => b[1] - a[1]);
  rows.push(`| … each exercise's grade in the ${cat.jobs}-job run (s) | ${slowest.map(([id, sec]) => `${id} ${f(sec)}`).join(', ')} |`);
}
const b1 = batch.jobs1?.perMinute as number | null | undefined;
const bAll = batch.jobsAll?.perMinute as number | null | undefined;
rows.push(`| batch grading, sample class with a hanging student, 1 job / ${batch.jobsAll?.jobs ?? CORES} jobs (grades per minute) | ${f(b1)} / ${f(bAll)}${b1 && bAll ? ` (${f(bAll / b1, 2)}×)` : ''} |`);
const rc = batch.realClass as { jobs1: { perMinute: number | null; cpuSeconds: number | null; graded: number }; jobsAll: { perMinute: number | null; jobs: number; cpuSeconds: number | null; graded: number } } | undefined;
if (rc) {
  rows.push(`| batch grading, class of real submissions, 1 job / ${rc.jobsAll.jobs} jobs (grades per minute) | ${f(rc.jobs1.perMinute)} / ${f(rc.jobsAll.perMinute)}${rc.jobs1.perMinute && rc.jobsAll.perMinute ? ` (${f(rc.jobsAll.perMinute / rc.jobs1.perMinute, 2)}×)` : ''} |`);
  if (rc.jobs1.cpuSeconds !== null && rc.jobs1.perMinute) {
    const perGrade = rc.jobs1.cpuSeconds / rc.jobs1.graded;
    const wallPerGrade = 60 / rc.jobs1.perMinute;
    rows.push(`| … CPU per grade (all processes), and cores kept busy by 1 job | ${f(perGrade, 2)} s, ${f(perGrade / wallPerGrade, 2)} |`);
  }
}
rows.push(`| peak memory of a sandbox process (MB) | ${f(peakRssMb, 0)} |`);
rows.push(`| tensors leaked by the grader, all exercises | ${leakedTensors} |`);
const table = `${rows.join('\n')}\n\nMeasured ${results.machine.date.slice(0, 10)} on ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}.${notes.length ? `\n\n${notes.map((n) => `- ${n}`).join('\n')}` : ''}\n`;
fs.writeFileSync(path.join(REPO_ROOT, 'bench', 'results.md'), table);

const readme = path.join(REPO_ROOT, 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const begin = '<!-- bench:begin -->';
const end = '<!-- bench:end -->';
if (text.includes(begin) && text.includes(end)) {
  fs.writeFileSync(readme, `${text.slice(0, text.indexOf(begin) + begin.length)}\n${table}${text.slice(text.indexOf(end))}`);
}
console.log(table);
