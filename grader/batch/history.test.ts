import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeOutDir, fakeResult } from '../report/fixtures.ts';
import { HISTORY_DIR, latestSnapshot, listSnapshots, snapshotResults } from './history.ts';

describe('regrade history', () => {
  it('when a results folder is snapshotted then results and pictures are copied, temporary files and earlier history are not, and each snapshot gets its own folder', () => {
    const out = fakeOutDir({ ada: [fakeResult('sgd', [true])], ben: [fakeResult('sgd', [false])] });
    fs.writeFileSync(path.join(out, 'ada', '.sgd.json.123.tmp'), '{"torn');
    fs.mkdirSync(path.join(out, 'ada', 'gan'));
    fs.writeFileSync(path.join(out, 'ada', 'gan', 'ring.png'), 'png');
    const now = new Date('2026-11-30T12:00:00.500Z');
    const first = snapshotResults(out, now)!;
    expect(path.relative(out, first)).toBe(path.join(HISTORY_DIR, '2026-11-30T12-00-00Z'));
    expect(fs.readdirSync(first).sort()).toEqual(['ada', 'ben']);
    expect(fs.readdirSync(path.join(first, 'ada')).sort()).toEqual(['gan', 'sgd.json']);
    expect(fs.readFileSync(path.join(first, 'ada', 'gan', 'ring.png'), 'utf8')).toBe('png');
    const second = snapshotResults(out, now)!;
    expect(path.basename(second)).toBe('2026-11-30T12-00-00Z-2');
    expect(fs.readdirSync(second).sort()).toEqual(['ada', 'ben']);
    expect(listSnapshots(out)).toEqual([first, second]);
    expect(latestSnapshot(out)).toBe(second);
  });

  it('when there is nothing graded yet then no snapshot is made', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'history-empty-'));
    fs.mkdirSync(path.join(out, 'ada'));
    expect(snapshotResults(out)).toBeUndefined();
    expect(snapshotResults(path.join(out, 'missing'))).toBeUndefined();
    expect(latestSnapshot(out)).toBeUndefined();
  });
});
