import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { writeCheckImages } from '../images/write.ts';
import { EXIT, main } from '../cli.ts';
import { fakeResult } from '../report/fixtures.ts';
import { toGradescope } from './gradescope.ts';

const tmpFile = (name: string): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gs-')), name);
const quiet = { out: () => undefined, err: () => undefined };

describe('the Gradescope renderer', () => {
  it('when a public check drew a picture then its output is html with the text escaped and the PNG inlined; a hidden check\'s picture never travels', () => {
    const [img] = writeCheckImages([{ kind: 'line', name: 'curve', caption: 'loss <per> epoch', xLabel: 'epoch', yLabel: 'loss', series: [{ label: 'you', role: 'student', y: [2, 1] }] }], fs.mkdtempSync(path.join(os.tmpdir(), 'gs-img-')));
    const r = fakeResult('mlp', [false, false], { message: 'accuracy 9% < 90% & <b>low</b>', images: [img!] });
    const g = toGradescope([r]);
    expect(g.tests[0]!.output_format).toBe('html');
    expect(g.tests[0]!.output).toMatch(/^<pre>accuracy 9% &lt; 90% &amp; &lt;b&gt;low&lt;\/b&gt;<\/pre>\n<figure><img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="loss &lt;per&gt; epoch"><figcaption>loss &lt;per&gt; epoch<\/figcaption><\/figure>$/);
    const b64 = /base64,([^"]+)"/.exec(g.tests[0]!.output)![1]!;
    expect(PNG.sync.read(Buffer.from(b64, 'base64')).width).toBe(480);
    expect(g.tests[1]).toMatchObject({ output_format: 'text', output: 'failed (a hidden check: its details are not shown)' });
  });

  it('when results are rendered then the top level has score and execution_time, and each check is a test', () => {
    const g = toGradescope([fakeResult('sgd', [true, false], { hint: 'forgot lr' }, 'hello'), fakeResult('momentum', [true, true, true])]);
    expect(g.score).toBe(20);
    expect(g.execution_time).toBeCloseTo(0.2);
    expect(g.tests).toHaveLength(5);
    expect(g.tests[1]).toEqual({ name: 'sgd › check 2', score: 0, max_score: 5, status: 'failed', output: 'failed (a hidden check: its details are not shown)', output_format: 'text', tags: ['output', 'sgd', 'hidden'], visibility: 'after_published' });
    expect(JSON.stringify(g)).not.toContain('wrong value in check 2');
    expect(g.tests[0]).toMatchObject({ status: 'passed', visibility: 'visible', score: 5, max_score: 5, tags: ['output', 'sgd'] });
    expect(g.output).toMatch(/sgd: your code printed:\nhello/);
    expect(g).toMatchObject({ output_format: 'text', test_output_format: 'text', extra_data: { seed: 1, backends: ['wasm'] } });
  });

  it('when checks carry their own console output then a public check shows it and a hidden check\'s never reaches a student-visible field', () => {
    const r = fakeResult('sgd', [true, false, false]);
    r.checks = r.checks.map((c, i) => ({ ...c, console: i === 2 ? 'SECRET hidden input x=[1,2,3]\n' : `public ${i + 1}\n` }));
    r.studentConsole = 'public 1\npublic 2\n';
    const g = toGradescope([r]);
    expect(g.tests[1]!.output).toBe('wrong value in check 2\n\nyour code printed:\npublic 2');
    expect(g.tests[1]!.output).not.toContain('SECRET');
    expect(g.tests[2]!.output).toBe('failed (a hidden check: its details are not shown)');
    expect(g.output).toBe('sgd: your code printed:\npublic 1\npublic 2');
    const visible = JSON.stringify({ ...g, extra_data: undefined });
    expect(visible).not.toContain('SECRET');
  });

  it('when Gradescope\'s submission_metadata.json is given then the submission time is recorded in the result and in extra_data', async () => {
    const meta = tmpFile('submission_metadata.json');
    fs.writeFileSync(meta, JSON.stringify({ id: 123, created_at: '2026-11-29T23:58:00.123456-08:00', users: [{ email: 'ada@example.edu', id: 1, name: 'Ada' }] }));
    const gs = tmpFile('results.json');
    const json = tmpFile('result.json');
    await main(['softmax-cross-entropy', '--submission', 'examples/class/ada', '--backend', 'wasm', '--format', 'gradescope', '--submission-metadata', meta, '--out', gs], quiet);
    await main(['softmax-cross-entropy', '--submission', 'examples/class/ada', '--backend', 'wasm', '--format', 'json', '--submission-metadata', meta, '--out', json], quiet);
    expect(JSON.parse(fs.readFileSync(gs, 'utf8')).extra_data).toMatchObject({ submitted_at: '2026-11-30T07:58:00.123Z', seed: 1, backends: ['wasm'], environment: { 'softmax-cross-entropy': { seed: 1, backend: 'wasm' } } });
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).submittedAt).toBe('2026-11-30T07:58:00.123Z');
  }, 60_000);

  it('when a submission throws or exits while loading then results.json is still written with every check failed', async () => {
    const file = tmpFile('results.json');
    const code = await main(['sgd', 'momentum', '--submission', 'examples/class/mallory', '--backend', 'wasm', '--format', 'gradescope', '--out', file], quiet);
    expect(code).toBe(EXIT.failed);
    const g = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(g.score).toBe(0);
    expect(typeof g.execution_time).toBe('number');
    expect(g.tests).toHaveLength(6);
    for (const t of g.tests) expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'output_format', 'score', 'status', 'tags', 'visibility']);
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
