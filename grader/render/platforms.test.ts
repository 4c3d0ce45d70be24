import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../cli.ts';
import { fakeResult } from '../report/fixtures.ts';
import type { GradeResult } from '../results/types.ts';
import { toClassroom50 } from './classroom50.ts';
import { toPrairieLearn } from './prairielearn.ts';
import classroom50Schema from './schemas/classroom50-result.schema.json' with { type: 'json' };
import prairieLearnSchema from './schemas/prairielearn-results.schema.json' with { type: 'json' };

const ajv = new Ajv({ allErrors: true, strict: false });
const validPrairieLearn = ajv.compile(prairieLearnSchema);
const validClassroom50 = ajv.compile(classroom50Schema);
const errors = (v: { errors?: unknown }): unknown => v.errors;
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'platforms-'));
const quiet = { out: () => undefined, err: () => undefined };

const SECRET = 'HIDDEN-INPUT-x=[0.123,4.56]';

/** sgd with two public checks and a hidden third, each with its own console output; the hidden one printed its inputs. */
function withConsoles(): GradeResult {
  const r = fakeResult('sgd', [true, false, false], { hint: 'forgot the learning rate' });
  const checks = r.checks.map((c, i) => ({ ...c, console: i === 2 ? `${SECRET}\n` : `public check ${i + 1} printed\n` }));
  return { ...r, checks, studentConsole: 'public check 1 printed\npublic check 2 printed\n' };
}

/** A PNG of `side`×`side` noisy pixels (noise keeps it from compressing), written to a fresh folder. */
function noisyPng(side: number): string {
  const png = new PNG({ width: side, height: side });
  crypto.randomBytes(png.data.length).copy(png.data);
  const file = path.join(tmp(), 'samples.png');
  fs.writeFileSync(file, PNG.sync.write(png));
  return file;
}

describe('the PrairieLearn renderer', () => {
  it('when results are rendered then they validate, the score is the fraction of points, and a hidden check shows only its points', () => {
    const pl = toPrairieLearn([withConsoles(), fakeResult('momentum', [true, true])]);
    expect(validPrairieLearn(pl), JSON.stringify(errors(validPrairieLearn))).toBe(true);
    expect(pl).toMatchObject({ gradable: true, score: 0.6, message: 'sgd: 5/15\nmomentum: 10/10' });
    expect(pl.tests.map((t) => [t.name, t.points, t.max_points])).toEqual([
      ['sgd › check 1', 5, 5],
      ['sgd › check 2', 0, 5],
      ['sgd › check 3', 0, 5],
      ['momentum › check 1', 5, 5],
      ['momentum › check 2', 5, 5],
    ]);
    expect(pl.tests[1]).toMatchObject({ message: 'wrong value in check 2\nhint: forgot the learning rate', output: 'public check 2 printed\n' });
    expect(pl.tests[2]).toMatchObject({ message: 'failed (a hidden check: its details are not shown)', output: '' });
    expect(JSON.stringify(pl)).not.toContain(SECRET);
    expect(JSON.stringify(pl)).not.toContain('wrong value in check 3');
  });

  it('when a check drew a picture then it travels as a data URI; when the pictures pass 1 MB they are left out and the message says so', () => {
    const r = fakeResult('gan', [true, true]);
    r.checks[0]!.images = [{ path: noisyPng(16), caption: 'ring samples' }];
    const small = toPrairieLearn([r]);
    expect(small.tests[0]!.images![0]!.url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(small.tests[0]!.images![0]!.label).toBe('ring samples');

    r.checks[0]!.images = [{ path: noisyPng(700), caption: 'big grid' }];
    const big = toPrairieLearn([r]);
    expect(Buffer.byteLength(JSON.stringify(big))).toBeLessThan(1_000_000);
    expect(big.tests[0]!.images).toBeUndefined();
    expect(big.message).toMatch(/pictures of "gan › check 1" were left out/);
    expect(validPrairieLearn(big)).toBe(true);
  });

  it('when nothing of the submission could be loaded then it is not gradable (no attempt lost) and says why', () => {
    const r = { ...fakeResult('sgd', [false, false]), backend: 'none' as const };
    r.checks = r.checks.map((c) => ({ ...c, message: 'your file does not compile: sgd.ts:3:1 expected ";"' }));
    const pl = toPrairieLearn([r]);
    expect(validPrairieLearn(pl), JSON.stringify(errors(validPrairieLearn))).toBe(true);
    expect(pl.gradable).toBe(false);
    expect(pl.score).toBeUndefined();
    expect(pl.format_errors).toEqual(['sgd: your file does not compile: sgd.ts:3:1 expected ";"']);
  });
});

describe('the PrairieLearn renderer on the grader\'s own failures', () => {
  it('when the grader could not finish one exercise then the whole submission is not gradable, so no attempt or point is lost', () => {
    const broken = { ...fakeResult('momentum', [false, false]), graderError: 'sandbox process exited with code 1' };
    const pl = toPrairieLearn([fakeResult('sgd', [true, true]), broken]);
    expect(validPrairieLearn(pl), JSON.stringify(errors(validPrairieLearn))).toBe(true);
    expect(pl).toMatchObject({ gradable: false, format_errors: ['momentum: the grader could not grade this (sandbox process exited with code 1); this is not your mistake'] });
    expect(pl.score).toBeUndefined();
  });
});

describe('grade --format prairielearn when grading itself fails', () => {
  it('when the command cannot grade at all then results.json is still written, not gradable, with the reason', async () => {
    const file = path.join(tmp(), 'results.json');
    expect(await main(['no-such-exercise', '--format', 'prairielearn', '--out', file], quiet)).toBe(EXIT.usage);
    const pl = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(validPrairieLearn(pl), JSON.stringify(errors(validPrairieLearn))).toBe(true);
    expect(pl.gradable).toBe(false);
    expect(pl.format_errors[0]).toMatch(/unknown exercise 'no-such-exercise'/);
  });
});

describe('the Classroom 50 renderer', () => {
  it('when results are rendered then they validate, scores are integer sums of the tests, and hidden checks carry no message', () => {
    const now = new Date('2026-11-30T12:00:00.250Z');
    const c50 = toClassroom50([withConsoles()], { classroom: 'dl-fall', assignment: 'optimizers', submission: 'submit/2026-11-30', commitUrl: 'https://github.com/o/r/commit/abc', releaseUrl: 'https://github.com/o/r/releases/tag/x', submittedAt: '2026-11-29T23:59:01+01:00', now });
    expect(validClassroom50(c50), JSON.stringify(errors(validClassroom50))).toBe(true);
    expect(c50).toMatchObject({ schema: 'classroom50/result/v1', score: 5, 'max-score': 15, datetime: '2026-11-29T22:59:01Z', graded_at: '2026-11-30T12:00:00Z', review: 'https://github.com/o/r/commit/abc' });
    expect(c50.score).toBe(c50.tests.reduce((a, t) => a + t.score, 0));
    expect(c50['max-score']).toBe(c50.tests.reduce((a, t) => a + t['max-score'], 0));
    expect(c50.tests[2]).toEqual({ 'test-name': 'sgd › check 3', passed: false, score: 0, 'max-score': 5, kind: 'output' });
    expect(JSON.stringify(c50)).not.toContain(SECRET);
  });

  it('when fractional points are earned then each test is rounded and the total is still their sum', () => {
    const r = fakeResult('sgd', [true, true]);
    r.checks[0]!.score = 2.5;
    r.checks[1]!.score = 2.5;
    const c50 = toClassroom50([r], { now: new Date() });
    expect(validClassroom50(c50)).toBe(true);
    expect(c50.score).toBe(c50.tests.reduce((a, t) => a + t.score, 0));
    expect(c50.classroom).toBe('local');
  });
});

describe('grade --format prairielearn|classroom50 on a real submission', () => {
  it('when ben\'s softmax-cross-entropy is graded then both files validate against their schemas and agree with the JSON result', async () => {
    const dir = tmp();
    const files = { json: path.join(dir, 'r.json'), prairielearn: path.join(dir, 'pl.json'), classroom50: path.join(dir, 'c50.json') };
    for (const [format, file] of Object.entries(files)) {
      expect(await main(['softmax-cross-entropy', '--submission', 'examples/class/ben', '--backend', 'wasm', '--format', format, '--out', file], quiet)).toBe(EXIT.failed);
    }
    const r = JSON.parse(fs.readFileSync(files.json, 'utf8')) as GradeResult;
    const pl = JSON.parse(fs.readFileSync(files.prairielearn, 'utf8'));
    const c50 = JSON.parse(fs.readFileSync(files.classroom50, 'utf8'));
    expect(validPrairieLearn(pl), JSON.stringify(errors(validPrairieLearn))).toBe(true);
    expect(validClassroom50(c50), JSON.stringify(errors(validClassroom50))).toBe(true);
    expect(pl.score).toBeCloseTo(r.score / r.maxScore, 4);
    expect(c50.score).toBe(Math.round(r.score));
    expect(r.environment).toMatchObject({ backend: 'wasm', seed: 1, node: process.versions.node, platform: `${process.platform}-${process.arch}` });
    expect(Object.keys(r.environment!.checkSpecs!)).toEqual(r.checks.map((c) => c.name));
  }, 120_000);
});
