import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const HERE = import.meta.dirname;

/**
 * A stand-in for `node bin/grade.js …`: records what the recipe handed the grader (each entry
 * under --submission, as lstat sees it) in the --out file, so the test sees exactly that.
 */
const FAKE_GRADER = `
const fs = require('node:fs'), path = require('node:path');
const a = process.argv.slice(2), sub = a[a.indexOf('--submission') + 1], out = a[a.indexOf('--out') + 1];
const seen = {};
(function walk(d, rel) { for (const n of fs.readdirSync(d)) { const p = path.join(d, n), r = rel ? rel + '/' + n : n, s = fs.lstatSync(p);
  seen[r] = s.isSymbolicLink() ? 'link -> ' + fs.readlinkSync(p) : s.isDirectory() ? 'dir' : 'file'; if (s.isDirectory()) walk(p, r); } })(sub, '');
fs.writeFileSync(out, JSON.stringify({ args: a, seen }));
`;

/** A copy of a recipe with its fixed paths moved under `root`, and the fake grader installed where it runs `node bin/grade.js`. */
function install(recipe: string, root: string, paths: Record<string, string>, graderDir: string): string {
  let text = fs.readFileSync(path.join(HERE, recipe), 'utf8');
  for (const [from, to] of Object.entries(paths)) text = text.split(from).join(to);
  fs.mkdirSync(path.join(graderDir, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(graderDir, 'bin', 'grade.js'), FAKE_GRADER);
  const file = path.join(root, path.basename(recipe));
  fs.writeFileSync(file, text, { mode: 0o755 });
  return file;
}

/** A secret outside the submission that a link in it points to: it must never be copied in. */
function secret(root: string): string {
  const f = path.join(root, 'secret.txt');
  fs.writeFileSync(f, 'the grading machine\'s secret');
  return f;
}

describe('the CI recipes hand the grader the submission as it came', () => {
  it('when a Gradescope submission holds links then run_autograder passes them on as links (never the files they point to) and files loose ids into their folders', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gs-recipe-'));
    const ag = path.join(root, 'autograder');
    for (const d of ['source/exercises/sgd', 'source/exercises/adam', 'source/exercises/momentum', 'submission/momentum']) fs.mkdirSync(path.join(ag, d), { recursive: true });
    const target = secret(root);
    fs.symlinkSync(target, path.join(ag, 'submission', 'sgd.ts'));
    fs.writeFileSync(path.join(ag, 'submission', 'adam.ts'), 'export const adam = 1;');
    fs.symlinkSync(target, path.join(ag, 'submission', 'momentum', 'momentum.ts'));
    const script = install('gradescope/run_autograder', root, { '/autograder': ag }, path.join(ag, 'source'));
    execFileSync('bash', [script], { stdio: 'pipe' });
    const { seen } = JSON.parse(fs.readFileSync(path.join(ag, 'results', 'results.json'), 'utf8'));
    expect(seen).toEqual({ adam: 'dir', 'adam/adam.ts': 'file', momentum: 'dir', 'momentum/momentum.ts': `link -> ${target}`, sgd: 'dir', 'sgd/sgd.ts': `link -> ${target}` });
  });

  it('when a PrairieLearn submission holds a link then run.sh passes it on as a link, for the exercises the question names', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-recipe-'));
    const grade = path.join(root, 'grade');
    const grader = path.join(root, 'grader');
    for (const d of ['student', 'tests']) fs.mkdirSync(path.join(grade, d), { recursive: true });
    fs.writeFileSync(path.join(grade, 'tests', 'exercises'), 'sgd adam\n');
    const target = secret(root);
    fs.symlinkSync(target, path.join(grade, 'student', 'sgd.ts'));
    fs.writeFileSync(path.join(grade, 'student', 'adam.ts'), 'export const adam = 1;');
    fs.writeFileSync(path.join(grade, 'student', 'notes.txt'), 'not an exercise');
    const script = install('prairielearn/run.sh', root, { '/grade/': `${grade}/`, '/grader': grader }, grader);
    execFileSync('bash', [script], { stdio: 'pipe' });
    const { args, seen } = JSON.parse(fs.readFileSync(path.join(grade, 'results', 'results.json'), 'utf8'));
    expect(args.slice(0, 2)).toEqual(['sgd', 'adam']);
    expect(args).toContain('prairielearn');
    expect(seen).toEqual({ adam: 'dir', 'adam/adam.ts': 'file', sgd: 'dir', 'sgd/sgd.ts': `link -> ${target}` });
  });

  it('when a PrairieLearn question names no exercises then run.sh grades all, handing over every uploaded .ts as it came', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-recipe-all-'));
    const grade = path.join(root, 'grade');
    const grader = path.join(root, 'grader');
    fs.mkdirSync(path.join(grade, 'student'), { recursive: true });
    const target = secret(root);
    fs.symlinkSync(target, path.join(grade, 'student', 'sgd.ts'));
    fs.writeFileSync(path.join(grade, 'student', 'adam.ts'), 'export const adam = 1;');
    const script = install('prairielearn/run.sh', root, { '/grade/': `${grade}/`, '/grader': grader }, grader);
    execFileSync('bash', [script], { stdio: 'pipe' });
    const { args, seen } = JSON.parse(fs.readFileSync(path.join(grade, 'results', 'results.json'), 'utf8'));
    expect(args[0]).toBe('all');
    expect(seen).toEqual({ adam: 'dir', 'adam/adam.ts': 'file', sgd: 'dir', 'sgd/sgd.ts': `link -> ${target}` });
  });

  it('when any recipe copies files then it uses cp -a (links stay links), never a copy that follows them', () => {
    const recipes = ['gradescope/run_autograder', 'prairielearn/run.sh', 'github/grade-class.yml', 'github/grade-submission.yml', 'classroom50/autograder.py'];
    for (const r of recipes) {
      const code = fs.readFileSync(path.join(HERE, r), 'utf8').split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
      for (const m of code.matchAll(/\bcp\s+(-\S+\s+)*/g)) expect(m[0], `${r}: ${m[0]}`).toMatch(/\bcp\s+-a\b/);
    }
  });
});
