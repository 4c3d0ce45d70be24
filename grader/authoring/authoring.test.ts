import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.ts';
import { judgeResult } from './check-course.ts';
import { camelCase, ScaffoldError, scaffoldExercise } from './new-exercise.ts';
import type { GradeResult } from '../results/types.ts';

describe('grade new', () => {
  it('when an exercise is scaffolded then every file lands in its place and nothing is overwritten', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-'));
    const files = scaffoldExercise('leaky-relu', 'layers', root);
    expect(files).toContain('exercises/leaky-relu/exercise.json');
    expect(files).toContain('grader/course/leaky-relu/cases.ts');
    expect(files).toContain('reference/layers/leaky-relu.variants.ts');
    for (const f of files) expect(fs.statSync(path.join(root, f)).size).toBeGreaterThan(0);
    const m = JSON.parse(fs.readFileSync(path.join(root, 'exercises/leaky-relu/exercise.json'), 'utf8'));
    expect(Object.keys(m.exports)).toEqual(['leakyRelu']);
    expect(() => scaffoldExercise('leaky-relu', 'layers', root)).toThrow(/already exists/);
  });

  it('when the id or topic is not a plain name then nothing is written', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-'));
    for (const bad of ['../x', 'Adam', 'a--b', '-a', '']) expect(() => scaffoldExercise(bad, 'misc', root), bad).toThrow(ScaffoldError);
    expect(() => scaffoldExercise('ok', '../../etc', root)).toThrow(/not a valid --topic/);
    expect(fs.readdirSync(root)).toEqual([]);
    expect(camelCase('metropolis-hastings')).toBe('metropolisHastings');
  });
});

function result(scores: [string, boolean, string?][]): GradeResult {
  const checks = scores.map(([name, passed, message]) => ({ name, kind: 'output' as const, passed, score: passed ? 1 : 0, maxScore: 1, message: message ?? (passed ? 'ok' : 'values differ'), hidden: false, durationMs: 0 }));
  return { exercise: 'x', title: 'x', notes: '', submission: 'x', backend: 'wasm', seed: 1, score: checks.filter((c) => c.passed).length, maxScore: checks.length, passed: checks.every((c) => c.passed), checks, studentConsole: '', durationMs: 0 };
}

describe('check-course verdicts', () => {
  it('when a wrong fixture gets full marks or a correct one loses points then the author is told what to do', () => {
    expect(judgeResult('wrong', result([['a', true]]))).toMatchObject({ ok: false, text: expect.stringMatching(/no check catches this mistake/) });
    expect(judgeResult('wrong', result([['a', false]])).ok).toBe(true);
    expect(judgeResult('correct', result([['a', false]]))).toMatchObject({ ok: false, text: expect.stringMatching(/widen the check, or state the restriction/) });
    expect(judgeResult('reference', result([['a', true], ['b', false]]))).toMatchObject({ ok: false, text: expect.stringMatching(/answer key loses points on "b"/) });
    expect(judgeResult('stub', result([['a', false, 'not implemented yet']])).ok).toBe(true);
    expect(judgeResult('stub', result([['a', false, 'values differ']]))).toMatchObject({ ok: false, text: expect.stringMatching(/must throw NotImplemented/) });
  });
});

// End to end in a copy of the repository (inside .cache/, on the same file system, so that
// node_modules can be hard-linked): grade new, then grade check-course, as an author would.
describe('an author from nothing to a checked exercise', () => {
  const copy = path.join(REPO_ROOT, '.cache', `authoring-e2e-${process.pid}`);
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  function grade(...args: string[]) {
    return spawnSync(process.execPath, ['bin/grade.js', ...args], { cwd: copy, encoding: 'utf8', timeout: 300_000 });
  }

  it('when grade new writes an exercise then check-course passes it, and fails it once a wrong fixture is right or a task is misspelled', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter((f) => f !== '' && fs.existsSync(path.join(REPO_ROOT, f)));
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, f), path.join(copy, f));
    }
    try {
      execFileSync('cp', ['-al', path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules')]);
    } catch {
      execFileSync('cp', ['-a', path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules')]);
    }

    const made = grade('new', 'demo-double', '--topic', 'demo');
    expect(made.status, made.stderr).toBe(0);
    const ok = grade('check-course', 'demo-double', '--jobs', '2');
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/✓ reference: 3\/3/);
    expect(ok.stdout).toMatch(/✓ stub: 0\/3, every check says "not implemented yet"/);
    expect(ok.stdout).toMatch(/✓ wrong\/returns-input\.ts: 0\/3, fails .*hint: Your output equals x/);
    expect(ok.stdout).toMatch(/all is well: 1 exercise checked/);

    const course = path.join(copy, 'grader/course/demo-double');
    fs.copyFileSync(path.join(course, 'correct/adds-to-itself.ts'), path.join(course, 'wrong/also-right.ts'));
    const caught = grade('check-course', 'demo-double', '--jobs', '2');
    expect(caught.status).toBe(1);
    expect(caught.stdout).toMatch(/✗ wrong\/also-right\.ts: 3\/3: no check catches this mistake/);

    const manifest = path.join(copy, 'exercises/demo-double/exercise.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('"cases": "values"', '"cases": "valeus"'));
    const typo = grade('check-course', 'demo-double');
    expect(typo.status).toBe(1);
    expect(typo.stdout).toMatch(/✗ manifest: exercises\/demo-double\/exercise.json: .*\n.*\/checks\/0 \("values"\)\/cases: case recipe "valeus" is not defined in grader\/course\/demo-double\/cases.ts \(known: values\)/);
    const graded = grade('demo-double', '--submission', 'exercises');
    expect(graded.status).toBe(3);
    expect(graded.stderr).toMatch(/fault of the course's grader/);
  }, 600_000);
});
