import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../cli.ts';
import { fakeResult } from '../report/fixtures.ts';
import { toGradescope } from './gradescope.ts';

const tmpFile = (name: string): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gs-')), name);
const quiet = { out: () => undefined, err: () => undefined };

describe('the Gradescope renderer', () => {
  it('when results are rendered then the top level has score and execution_time, and each check is a test', () => {
    const g = toGradescope([fakeResult('sgd', [true, false], { hint: 'forgot lr' }, 'hello'), fakeResult('momentum', [true, true, true])]);
    expect(g.score).toBe(20);
    expect(g.execution_time).toBeCloseTo(0.2);
    expect(g.tests).toHaveLength(5);
    expect(g.tests[1]).toEqual({ name: 'sgd › check 2', score: 0, max_score: 5, status: 'failed', output: 'wrong value in check 2\nhint: forgot lr', visibility: 'after_published' });
    expect(g.tests[0]).toMatchObject({ status: 'passed', visibility: 'visible', score: 5, max_score: 5 });
    expect(g.output).toMatch(/sgd: your code printed:\nhello/);
  });

  it('when a submission throws or exits while loading then results.json is still written with every check failed', async () => {
    const file = tmpFile('results.json');
    const code = await main(['sgd', 'momentum', '--submission', 'examples/class/mallory', '--backend', 'wasm', '--format', 'gradescope', '--out', file], quiet);
    expect(code).toBe(EXIT.failed);
    const g = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(g.score).toBe(0);
    expect(typeof g.execution_time).toBe('number');
    expect(g.tests).toHaveLength(6);
    for (const t of g.tests) expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'visibility']);
    expect(g.tests[0].output).toMatch(/threw while loading.*mallory was here/);
    expect(g.tests[3].output).toMatch(/stopped the sandbox while loading \(exited with code 0\)/);
  });

  it('when grading itself fails then results.json is still written with score 0 and the error', async () => {
    const file = tmpFile('results.json');
    expect(await main(['no-such-exercise', '--format', 'gradescope', '--out', file], quiet)).toBe(EXIT.usage);
    const g = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(g).toMatchObject({ score: 0, tests: [] });
    expect(g.output).toMatch(/unknown exercise 'no-such-exercise'/);
  });
});
