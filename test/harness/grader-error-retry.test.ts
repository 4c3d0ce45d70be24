/**
 * A grade that failed for the grader's own reasons is never a final zero: it is stored with
 * `graderError`, the next batch run regrades it (and says so), and a single grade exits 3.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../grader/batch/batch.ts';
import { lineProgress } from '../../grader/batch/progress.ts';
import { failedResult } from '../../grader/batch/safe-grade.ts';
import { isDone, readResult, resultPath, writeResult } from '../../grader/batch/store.ts';
import { REPO_ROOT } from '../../grader/paths.ts';

describe('grader errors are retried', () => {
  it('when a stored result carries graderError then the next run regrades it and says so', async () => {
    const classDir = fs.mkdtempSync(path.join(os.tmpdir(), 'class-'));
    fs.cpSync(path.join(REPO_ROOT, 'examples', 'class', 'ada'), path.join(classDir, 'ada'), { recursive: true });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-out-'));
    const broken = failedResult('early-stopping', path.join(classDir, 'ada'), 1, 'the grader could not grade this (no bundler); this is not your mistake and will be regraded', 0, 'no bundler');
    writeResult(out, 'ada', broken);
    expect(isDone(out, 'ada', 'early-stopping', 1)).toBe(false);

    const lines: string[] = [];
    const s = await runBatch({ classDir, outDir: out, jobs: 1, exercises: ['early-stopping'], backend: 'wasm', seed: 1, progress: lineProgress((l) => lines.push(l)) });
    expect(s).toMatchObject({ graded: 1, skipped: 0, retried: 1 });
    expect(lines[0]).toMatch(/retrying 1 that the grader could not finish last time/);
    const r = readResult(resultPath(out, 'ada', 'early-stopping'))!;
    expect(r.graderError).toBeUndefined();
    expect(r.score).toBe(r.maxScore);
    expect(isDone(out, 'ada', 'early-stopping', 1)).toBe(true);
  });
});
