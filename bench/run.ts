/**
 * `npm run bench`: speed, memory and leaks measured side by side in one run. Writes
 * bench/results.json and bench/results.md, and puts the table into the README's
 * Performance section. Not part of `npm test`: these machines are shared and noisy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listExerciseIds, loadManifest } from '../grader/manifest/load.ts';
import { REPO_ROOT } from '../grader/paths.ts';
import type { GradeResult } from '../grader/results/types.ts';
import { referenceSubmission } from '../test/grading.ts';

const RUN_TS = path.join(REPO_ROOT, 'bin', 'run-ts.js');
const GRADE = path.join(REPO_ROOT, 'bin', 'grade.js');
const notes: string[] = [];

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
const training: Record<string, Record<string, { samplesPerSec: number; stepMs: number } | { error: string }>> = {};
let cnnFlopsPerSample = 0;
for (const model of ['mlp', 'cnn']) {
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
  }
}
/** Raw measurements so far, saved after each section so an interrupted run keeps what it measured. */
function saveProgress(section: string, value: unknown): void {
  const file = path.join(REPO_ROOT, 'bench', 'progress.json');
  const prev = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...prev, [section]: value }, null, 2));
}
saveProgress('training', training);
process.stderr.write('matMul ceiling…\n');
const ceiling = runJson<{ gflops: number; backend: string }>('bench/matmul-ceiling.ts', ['auto'], 120_000);

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

const grade: Record<string, { exercise: string; coldSeconds: number; warmSeconds: number } | null> = {};
for (const kind of ['output', 'gradient', 'accuracy', 'distribution']) {
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

// --- tensors leaked and peak memory over every exercise, graded with the reference -------------
let leakedTensors = 0;
let peakRssMb = 0;
const cache = path.join(REPO_ROOT, '.cache');
for (const id of listExerciseIds()) {
  process.stderr.write(`leaks: grading the reference of ${id}…\n`);
  const { result } = timedGradeAnyExit(id, cache, referenceSubmission(id));
  leakedTensors += result.checks.reduce((a, c) => a + (c.leakedTensors ?? 0), 0);
  peakRssMb = Math.max(peakRssMb, result.sandboxPeakRssMb ?? 0);
  if (!result.passed) notes.push(`the reference of ${id} did not pass: ${result.checks.filter((c) => !c.passed).map((c) => c.name).join(', ')}`);
}
// --- batch throughput on the sample class, 1 job and all cores --------------------------------
const BATCH_EXERCISES = 'sgd,dense,softmax-cross-entropy,regularization,early-stopping,dropout';
function batchPerMinute(jobs: number): number | null {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-batch-'));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [GRADE, 'batch', path.join(REPO_ROOT, 'examples', 'class'), '--out', out, '--jobs', String(jobs), '--exercises', BATCH_EXERCISES, '--backend', 'wasm', '--timeout', '10'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const minutes = (performance.now() - t0) / 60_000;
  const graded = fs.readdirSync(out).flatMap((student) => fs.readdirSync(path.join(out, student)).filter((f) => f.endsWith('.json'))).length;
  if (r.status === null || graded === 0) return null;
  return graded / minutes;
}
process.stderr.write('batch, 1 job…\n');
const jobs1 = batchPerMinute(1);
process.stderr.write(`batch, ${os.cpus().length} jobs…\n`);
const jobsAll = batchPerMinute(os.cpus().length);
notes.push(`batch.*: the sample class (examples/class, 3 students) on ${BATCH_EXERCISES}, --timeout 10 (mallory's hang costs its limit); reference results cached`);

// --- results ------------------------------------------------------------------------------
const ok = (v: unknown): v is { samplesPerSec: number } => typeof v === 'object' && v !== null && 'samplesPerSec' in v;
const cnnWasm = training.cnn?.wasm;
const achieved = ok(cnnWasm) && cnnFlopsPerSample > 0 ? (cnnWasm.samplesPerSec * cnnFlopsPerSample) / 1e9 : null;
const results = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.versions.node, date: new Date().toISOString() },
  training: Object.fromEntries(Object.entries(training).map(([m, byBackend]) => [m, { ...byBackend, ...(m === 'cnn' && achieved !== null ? { achievedGflops: achieved } : {}) }])),
  ceiling: { matmulGflops: 'error' in ceiling ? null : ceiling.gflops },
  grade,
  batch: { jobs1: { perMinute: jobs1 }, jobsAll: { perMinute: jobsAll, jobs: os.cpus().length } },
  memory: { peakRssMb },
  leakedTensors,
  notes,
};
fs.writeFileSync(path.join(REPO_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const f = (x: number | null | undefined, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
const rows: string[] = ['| measure | value |', '|---|---|'];
for (const [m, byBackend] of Object.entries(training)) {
  for (const [b, v] of Object.entries(byBackend)) rows.push(`| ${m.toUpperCase()} training on ${b} (samples/s) | ${ok(v) ? f(v.samplesPerSec) : `not measured: ${(v as { error: string }).error}`} |`);
  const w = byBackend.wasm;
  const c = byBackend.cpu;
  if (ok(w) && ok(c)) rows.push(`| ${m.toUpperCase()} wasm ÷ cpu | ${f(w.samplesPerSec / c.samplesPerSec)}× |`);
}
rows.push(`| matMul ceiling, 1024² on the default backend (GFLOP/s) | ${f(results.ceiling.matmulGflops)} |`);
if (achieved !== null) rows.push(`| CNN training achieved (GFLOP/s, forward + backward) | ${f(achieved, 2)} (${f((100 * achieved) / (results.ceiling.matmulGflops ?? NaN))}% of the ceiling) |`);
for (const [kind, g] of Object.entries(grade)) {
  rows.push(`| \`grade\` of an ${kind} exercise${g ? ` (${g.exercise})` : ''}, cold / warm (s) | ${g ? `${f(g.coldSeconds)} / ${f(g.warmSeconds)}` : 'no such exercise yet'} |`);
}
rows.push(`| batch grading, 1 job / ${os.cpus().length} jobs (grades per minute) | ${f(jobs1)} / ${f(jobsAll)}${jobs1 && jobsAll ? ` (${f(jobsAll / jobs1, 2)}×)` : ''} |`);
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
