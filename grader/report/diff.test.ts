import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../cli.ts';
import type { GradeEnvironment } from '../results/types.ts';
import { diffResults, environmentDifferences, renderDiff } from './diff.ts';
import { fakeOutDir, fakeResult } from './fixtures.ts';
import { loadResults } from './load.ts';

const ENV: GradeEnvironment = { grader: '0.1.0', graderCommit: 'aaa', tfjs: '4.22.0', backend: 'wasm', seed: 1, node: '20.20.2', platform: 'linux-x64', checkSpecs: { 'check 1': 'h1', 'check 2': 'h2' } };

function capture() {
  const out: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: () => undefined }, out };
}

describe('grade report --diff', () => {
  it('when two runs differ then score changes, verdict swaps with the same total, and grades in one run only are all listed', () => {
    const swapA = fakeResult('dense', [true, false]);
    const swapB = fakeResult('dense', [false, true]);
    const before = fakeOutDir({ ada: [fakeResult('sgd', [true, true]), swapA, fakeResult('adam', [true])], ben: [fakeResult('sgd', [false, false])] });
    const after = fakeOutDir({ ada: [fakeResult('sgd', [true, false]), swapB, fakeResult('momentum', [true])], ben: [fakeResult('sgd', [false, false])] });
    const d = diffResults(loadResults([before]), loadResults([after]));
    expect(d.compared).toBe(3);
    expect(d.changes.map((c) => [c.student, c.exercise, c.kind, c.oldScore, c.newScore])).toEqual([
      ['ada', 'adam', 'removed', 5, undefined],
      ['ada', 'dense', 'changed', 5, 5],
      ['ada', 'momentum', 'added', undefined, 5],
      ['ada', 'sgd', 'changed', 10, 5],
    ]);
    const text = renderDiff(d, 'old', 'new');
    expect(text).toMatch(/^4 grades differ \(old → new\): 2 changed of 3 compared, 1 only in the new run, 1 only in the old run/);
    expect(text).toContain('ada dense: 5 → 5 of 10 (same total, checks differ)');
    expect(text).toContain('ada sgd: 10 → 5 of 10 (dropped 5)');
    expect(text).toMatch(/ {2}\* check 2 +✓ 5\/5 +→ ✗ 0\/5/);
  });

  it('when a student folder name holds terminal escapes and a newline then the diff prints it on one clean line', () => {
    const evil = 'mallory\n1 grade differ (old → new): ben sgd: 10 → 0 of 10\u001b[2J';
    const d = diffResults(loadResults([fakeOutDir({ [evil]: [fakeResult('sgd', [true, true])] })]), loadResults([fakeOutDir({ [evil]: [fakeResult('sgd', [true, false])] })]));
    const text = renderDiff(d, 'old', 'new');
    expect(text).not.toContain('\u001b');
    expect(text.split('\n').filter((l) => /ben sgd/.test(l))).toEqual(['mallory 1 grade differ (old → new): ben sgd: 10 → 0 of 10 sgd: 10 → 5 of 10 (dropped 5)']);
  });

  it('when the environments differ then the reasons name each field and each check whose spec changed', () => {
    expect(environmentDifferences(ENV, { ...ENV, tfjs: '4.23.0', seed: 2, checkSpecs: { 'check 1': 'h1', 'check 2': 'changed' } })).toEqual(['tfjs 4.22.0 → 4.23.0', 'seed 1 → 2', 'check spec changed (tolerance, budget or margin): check 2']);
    expect(environmentDifferences(ENV, { ...ENV })).toEqual([]);
    expect(environmentDifferences(undefined, ENV)).toEqual(['one run has no environment block (graded before it was recorded)']);
  });

  it('when run from the CLI then exit 0 with no change, 1 with changes, and 2 unless given exactly two folders', async () => {
    const a = fakeOutDir({ ada: [fakeResult('sgd', [true, true])] });
    const same = fakeOutDir({ ada: [fakeResult('sgd', [true, true])] });
    const worse = fakeOutDir({ ada: [fakeResult('sgd', [true, false])] });
    const c = capture();
    expect(await main(['report', '--diff', a, same], c.io)).toBe(0);
    expect(c.out).toEqual([`no changes: 1 grade compared (${a} → ${same})`]);
    expect(await main(['report', '--diff', a, worse], capture().io)).toBe(1);
    expect(await main(['report', '--diff', a], capture().io)).toBe(EXIT.usage);
  });
});
