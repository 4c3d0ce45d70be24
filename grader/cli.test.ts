import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from './cli.ts';
import { referenceSubmission } from '../test/grading.ts';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the grade CLI', () => {
  it('when the exercise id is unknown then exit 2 and list the known ids', async () => {
    const r = await run(['no-such-thing']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/unknown exercise 'no-such-thing'\. Known exercises: .*sgd/);
  });

  it('when the backend is not one of the choices then exit 2', async () => {
    const r = await run(['sgd', '--backend', 'tpu']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/argument 'tpu' is invalid\. Allowed choices are auto, gpu, node, wasm, cpu/);
  });

  it('when the seed is not an integer then exit 2', async () => {
    expect((await run(['sgd', '--seed', 'abc'])).code).toBe(EXIT.usage);
  });

  it('when pack is asked for an unknown exercise or a bad seed list then exit 2 and nothing is written', async () => {
    const out = path.join(os.tmpdir(), `never-written-${process.pid}`);
    let r = await run(['pack', '--out', out, '--exercises', 'sgd,nope']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/unknown exercise 'nope'/);
    r = await run(['pack', '--out', out, '--seeds', '1,x']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/comma-separated integer seeds/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('when pack writes a one-exercise student edition then it says what it wrote', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-cli-'));
    const r = await run(['pack', '--out', out, '--exercises', 'early-stopping', '--seeds', '1,2']);
    expect(r.code, r.err).toBe(EXIT.passed);
    expect(r.out).toMatch(/student edition written to .*: 1 exercises, 1 hidden checks left out, \d+ grader files, \d+ KiB of expected results \(seeds 1, 2\)/);
    expect(fs.readdirSync(path.join(out, 'expected'))).toEqual(['early-stopping.fixtures']);
    fs.rmSync(out, { recursive: true });
  }, 120_000);

  it('when no command is given then the help is shown and exit 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(EXIT.usage);
  });

  it('when list runs then every exercise appears with its status', async () => {
    const r = await run(['list']);
    expect(r.code).toBe(EXIT.passed);
    expect(r.out).toMatch(/^sgd\s+0\.3\.2\s+\d+ pts\s+stub \(1 NotImplemented left\)/m);
  });

  it('when list looks at a submission folder then written exercises are marked written', async () => {
    const r = await run(['list', '--submission', referenceSubmission('sgd')]);
    expect(r.out).toMatch(/^sgd\s.*written/m);
  });

  it('when the stub is graded with --format json then exit 1 and the JSON is a valid result', async () => {
    const r = await run(['sgd', '--backend', 'wasm', '--format', 'json']);
    expect(r.code).toBe(EXIT.failed);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({ exercise: 'sgd', score: 0, backend: 'wasm', passed: false });
    expect(result.checks.map((c: { message: string }) => c.message)).toEqual(result.checks.map(() => 'not implemented yet'));
  });

  it('when the reference is graded then exit 0 and the console shows every check and the total', async () => {
    const r = await run(['sgd', '--backend', 'wasm', '--submission', referenceSubmission('sgd')]);
    expect(r.code).toBe(EXIT.passed);
    expect(r.out).toMatch(/✓ one step/);
    expect(r.out).toMatch(/Total 10\/10/);
  });

  it('when doctor runs then it names each backend, which loads, and the choice with its reason', async () => {
    const r = await run(['doctor', '--backend', 'wasm']);
    expect(r.code).toBe(EXIT.passed);
    expect(r.out).toMatch(/tfjs-node-gpu: not installed — its install downloads libtensorflow/);
    expect(r.out).toMatch(/✓ wasm/);
    expect(r.out).toMatch(/--backend wasm → wasm: asked for with --backend wasm/);
  });
});
