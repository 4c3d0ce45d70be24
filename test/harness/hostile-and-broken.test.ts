import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../../grader/grade/grade-exercise.ts';
import { check, submissionWith, summary } from '../grading.ts';

const grade = (source: string, timeoutCap = 4) => gradeExercise('sgd', { submissionDir: submissionWith('sgd', source), backend: 'wasm', seed: 1, timeoutCap });

const GOOD_STEP = `import * as tf from '@tensorflow/tfjs';
export function sgdStep(params: tf.Tensor[], grads: tf.Tensor[], lr: number): tf.Tensor[] {
  return tf.tidy(() => params.map((p, i) => p.sub(grads[i]!.mul(lr))));
}
`;

describe('the loader and the sandbox', () => {
  it('when the exercise was not handed in then every check scores zero as "not submitted"', async () => {
    const r = await gradeExercise('sgd', { submissionDir: submissionWith('momentum', 'export {};'), backend: 'wasm', seed: 1 });
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toMatch(/^not submitted: .*sgd\/sgd\.ts does not exist$/);
  });

  it('when the file has a syntax error then every check says where, with file:line:col', async () => {
    const r = await grade('export function sgdStep(params, grads, lr) {\n  return params.map((p) => p\n}\n');
    expect(r.score).toBe(0);
    expect(r.backend).toBe('none');
    for (const c of r.checks) expect(c.message).toMatch(/does not compile: sgd\.ts:3:1: Expected "\)"/);
  });

  it('when the export is missing then the message names it and what was expected', async () => {
    const r = await grade('export function sgdstep() { return []; }\n');
    expect(r.score).toBe(0);
    expect(check(r, 'one step').message).toBe('sgdStep is not exported (expected `export function sgdStep`)');
  });

  it('when the export has the wrong type then the message says so', async () => {
    const r = await grade('export const sgdStep = 42;\n');
    expect(check(r, 'one step').message).toMatch(/sgdStep is exported as a number, but should be a function/);
  });

  it('when the file throws while loading then the message gives the error and its line', async () => {
    const r = await grade('const x = 1;\nthrow new Error("boom at import");\nexport function sgdStep() { return []; }\n');
    expect(r.score).toBe(0);
    expect(check(r, 'one step').message).toMatch(/threw while loading at sgd\.ts:2:\d+: Error: boom at import/);
  });

  it('when the file imports a module other than tfjs and the harness then it is refused with the reason', async () => {
    const r = await grade(`import fs from 'node:fs';\n${GOOD_STEP}export const x = fs;\n`);
    expect(check(r, 'one step').message).toMatch(/"node:fs" cannot be imported in a submission/);
  });

  it('when the function runs forever, or blocks forever, then that check times out and the next checks still run', async () => {
    // A busy loop in the first check; in the training (the MLP's 784×… weights) a wait that never ends and uses no CPU.
    const hangs = 'if (params.length === 0) { while (true) {} }\n  if (params[0]!.size > 50_000) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);\n  return tf.tidy';
    const r = await grade(`${GOOD_STEP.replace('return tf.tidy', hangs)}`, 3);
    const one = check(r, 'one step');
    expect(one.passed).toBe(false);
    // The limit counts CPU time: under the test suite's own load the busy loop may get less than a core, and says so.
    expect(one.message).toMatch(/^timed out after 3 s( \(on a busy machine: it had \d+\.\d s of CPU time in \d+ s\))?$/);
    expect(check(r, '50-step trajectory on quadratics').passed, summary(r)).toBe(true);
    const training = r.checks.find((c) => /^trains an MLP/.test(c.name))!;
    expect(training.message).toBe('timed out after 3 s (it stopped using the CPU: waiting for something that never came)');
  });

  it('when the function exits the process then the check says so and a fresh sandbox runs the rest', async () => {
    const r = await grade(`${GOOD_STEP.replace('return tf.tidy', 'if (params.length === 0) process.exit(7);\n  return tf.tidy')}`);
    expect(check(r, 'one step').message).toMatch(/stopped the sandbox process \(exited with code 7\)/);
    expect(check(r, '50-step trajectory on quadratics').passed, summary(r)).toBe(true);
  });

  it('when the function throws then the message gives the case, the error and the line in the student file', async () => {
    const r = await grade(GOOD_STEP.replace('return tf.tidy', 'if (lr === 0) throw new RangeError("lr must be positive");\n  return tf.tidy'));
    expect(check(r, 'one step').message).toMatch(/case "lr=0 leaves params unchanged": threw RangeError at sgd\.ts:3:\d+: lr must be positive/);
  });

  it('when the function leaks tensors then the count is reported', async () => {
    const r = await grade(GOOD_STEP.replace('tf.tidy(() => params.map((p, i) => p.sub(grads[i]!.mul(lr))))', 'params.map((p, i) => p.sub(grads[i]!.mul(lr)))'));
    expect(check(r, 'one step').passed).toBe(true);
    expect(check(r, 'one step').message).toMatch(/leaked \d+ tensors/);
  });

  it('when the function leaks past the limit and rewrites tfjs\'s own count then the leak is still counted and the check fails', async () => {
    // 1,100 scalars a call, hidden from tf.memory(): Engine.prototype.memory and the engine's state both lie.
    const source = `import * as tf from '@tensorflow/tfjs';
const engine: any = tf.engine();
const memory = Object.getPrototypeOf(engine).memory;
Object.getPrototypeOf(engine).memory = function (this: any) { const m = memory.call(this); m.numTensors = 0; return m; };
export function softmax(x: tf.Tensor2D): tf.Tensor2D {
  for (let i = 0; i < 1100; i++) tf.scalar(i);
  engine.state.numTensors -= 1100;
  return tf.tidy(() => { const e = x.sub(x.max(1, true)).exp(); return e.div(e.sum(1, true)) as tf.Tensor2D; });
}
export function crossEntropy(): tf.Scalar { return tf.scalar(0); }
`;
    const r = await gradeExercise('softmax-cross-entropy', { submissionDir: submissionWith('softmax-cross-entropy', source), backend: 'wasm', seed: 1, timeoutCap: 4 });
    expect(check(r, 'softmax values').message).toMatch(/^leaked \d+ tensors \(more than 1000\)/);
    expect(check(r, 'softmax values').passed).toBe(false);
  });

  it('when the function disposes its inputs then the check fails and says why', async () => {
    const r = await grade(GOOD_STEP.replace('return tf.tidy', 'tf.dispose(grads);\n  return tf.tidy'));
    expect(check(r, 'one step').message).toMatch(/disposed \d+ of its input tensor/);
  });

  it('when the student prints then the output is kept apart from the verdict', async () => {
    const r = await grade(GOOD_STEP.replace('return tf.tidy', 'console.log("debug: lr =", lr);\n  return tf.tidy'));
    expect(r.studentConsole).toMatch(/debug: lr = 0\.1/);
    expect(check(r, 'one step').passed).toBe(true);
  });
});
