import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../cli.ts';
import { batchMain } from './main.ts';

/** A class of `n` students who handed in nothing: each grade is "not submitted", made without a sandbox. */
function emptyClass(n: number): { dir: string; students: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shard-class-'));
  const students = Array.from({ length: n }, (_, k) => `student-${String.fromCharCode(97 + k)}`);
  for (const s of students) fs.mkdirSync(path.join(dir, s));
  return { dir, students };
}

const quiet = { out: () => undefined, err: () => undefined };
const opts = (out: string) => ({ out, shard: 'auto', exercises: 'sgd,dense', backend: 'wasm' as const, seed: 1, cache: true, jobs: 1 });

describe('grade batch --shard auto, then grade report over the shards', () => {
  it('when a 3-task Kubernetes Indexed Job grades a class of 7 then the report has every student once', async () => {
    const { dir, students } = emptyClass(7);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shard-out-'));
    const outs: string[] = [];
    const said: string[] = [];
    for (const index of [0, 1, 2]) {
      const out = path.join(root, `shard-${index}`);
      outs.push(out);
      const s = await batchMain(dir, opts(out), { out: () => undefined, err: (t) => said.push(t) }, false, { JOB_COMPLETION_INDEX: String(index), GRADER_SHARD_COUNT: '3' });
      expect(s.graded).toBe(s.students.length * 2);
    }
    expect(said).toEqual([0, 1, 2].map((i) => `--shard auto: Kubernetes Indexed Job (JOB_COMPLETION_INDEX=${i}, GRADER_SHARD_COUNT=3) → shard ${i + 1}/3`));
    // Each shard folder holds only its own students: disjoint, and together the class.
    const perShard = outs.map((o) => fs.readdirSync(o).sort());
    expect(perShard.flat().sort()).toEqual(students);
    expect(new Set(perShard.flat()).size).toBe(students.length);

    const csv = path.join(root, 'grades.csv');
    expect(await main(['report', ...outs, '--csv', csv], quiet)).toBe(EXIT.passed);
    const rows = parse(fs.readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    const names = rows.map((r) => Object.values(r)[0]);
    expect(names.sort()).toEqual(students);
  });

  it('when Slurm array tasks 10..12 grade the class then their shards cover it once', async () => {
    const { dir, students } = emptyClass(5);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shard-out-'));
    const outs = [10, 11, 12].map((id) => path.join(root, `task-${id}`));
    for (const [k, id] of [10, 11, 12].entries()) {
      await batchMain(dir, opts(outs[k]!), quiet, false, { SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_MAX: '12', SLURM_ARRAY_TASK_COUNT: '3' });
    }
    const csv = path.join(root, 'grades.csv');
    expect(await main(['report', ...outs, '--csv', csv], quiet)).toBe(EXIT.passed);
    const rows = parse(fs.readFileSync(csv, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => Object.values(r)[0]).sort()).toEqual(students);
  });

  it('when no scheduler is found then grade batch exits 2 naming the variables, and grades nothing', async () => {
    const { dir } = emptyClass(2);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shard-out-')), 'none');
    const err: string[] = [];
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (/^(SLURM_|JOB_COMPLETION_INDEX|GRADER_SHARD_)/.test(k)) delete process.env[k];
    try {
      expect(await main(['batch', dir, '--out', out, '--shard', 'auto', '--exercises', 'sgd'], { out: () => undefined, err: (t) => err.push(t) })).toBe(EXIT.usage);
    } finally {
      process.env = saved;
    }
    expect(err.join('\n')).toMatch(/--shard auto found no scheduler.*SLURM_ARRAY_TASK_ID.*JOB_COMPLETION_INDEX.*GRADER_SHARD_INDEX/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
