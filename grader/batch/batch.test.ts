import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.ts';
import type { GradeResult } from '../results/types.ts';
import { runBatch } from './batch.ts';
import { lineProgress } from './progress.ts';
import { readResult, resultPath } from './store.ts';

const CLASS = path.join(REPO_ROOT, 'examples', 'class');

/** A temporary class folder with copies of some sample students. */
function classOf(...students: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'class-'));
  for (const s of students) fs.cpSync(path.join(CLASS, s), path.join(dir, s), { recursive: true });
  return dir;
}

const tmpOut = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'batch-out-'));
const mtime = (f: string): number => fs.statSync(f).mtimeMs;
const load = (out: string, s: string, e: string): GradeResult => readResult(resultPath(out, s, e))!;

describe('grade batch', () => {
  it('when rerun then only missing results are graded, and --force regrades all; nothing half-written is left', async () => {
    const classDir = classOf('ada', 'ben');
    const out = tmpOut();
    const lines: string[] = [];
    const opts = { classDir, outDir: out, jobs: 2, exercises: ['early-stopping'], backend: 'wasm' as const, seed: 1, progress: lineProgress((l) => lines.push(l)) };

    const first = await runBatch(opts);
    expect(first).toMatchObject({ graded: 2, skipped: 0 });
    expect(load(out, 'ada', 'early-stopping')).toMatchObject({ score: 10, passed: true });
    expect(load(out, 'ben', 'early-stopping').score).toBeLessThan(10);
    expect(lines.filter((l) => /^\[\d\/2\] (ada|ben) early-stopping: \d+\/10/.test(l))).toHaveLength(2);
    // Atomic writes leave no temporary files behind.
    expect(fs.readdirSync(path.join(out, 'ada'))).toEqual(['early-stopping.json']);

    const adaFile = resultPath(out, 'ada', 'early-stopping');
    const adaTime = mtime(adaFile);
    fs.rmSync(resultPath(out, 'ben', 'early-stopping'));
    // A torn temporary file from a killed run is ignored, and a corrupt result is regraded.
    fs.writeFileSync(path.join(out, 'ada', '.early-stopping.json.999.tmp'), '{"exerc');
    const second = await runBatch(opts);
    expect(second).toMatchObject({ graded: 1, skipped: 1 });
    expect(mtime(adaFile)).toBe(adaTime);
    expect(fs.existsSync(resultPath(out, 'ben', 'early-stopping'))).toBe(true);

    const forced = await runBatch({ ...opts, force: true });
    expect(forced).toMatchObject({ graded: 2, skipped: 0 });
    expect(mtime(adaFile)).toBeGreaterThan(adaTime);
  });

  it('when one student hangs, exits and prints a fake score then the others are graded and that student fails with clear messages', async () => {
    const classDir = classOf('ada', 'mallory');
    const out = tmpOut();
    const s = await runBatch({ classDir, outDir: out, jobs: 2, exercises: ['early-stopping', 'regularization'], backend: 'wasm', seed: 1, timeout: 2 });
    expect(s).toMatchObject({ graded: 4, students: ['ada', 'mallory'] });

    for (const e of ['early-stopping', 'regularization']) expect(load(out, 'ada', e)).toMatchObject({ score: 10, passed: true });

    const hang = load(out, 'mallory', 'early-stopping');
    expect(hang.score).toBe(0);
    for (const c of hang.checks) expect(c.message).toMatch(/^timed out after 2 s( \(on a busy machine: .*\))?$/);

    const exits = load(out, 'mallory', 'regularization');
    expect(exits.score).toBe(0);
    for (const c of exits.checks) expect(c.message).toMatch(/stopped the sandbox process \(exited with code 0\)/);
    // The fake result lines are kept as what the code printed, and change nothing.
    expect(exits.studentConsole).toMatch(/sgd 10\/10/);
  });
});
