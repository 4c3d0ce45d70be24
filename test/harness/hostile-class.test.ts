/**
 * Issue 13's "done when": one `grade batch` of a class mixing honest students and every attack
 * (on the bundle step, the channels, the resources, the output). The honest students before and
 * after the attackers get exactly the marks they get alone, no attacker gets marks it did not
 * earn, every result is written, the batch exits 0 or 1, a rerun resumes with nothing to do, no
 * scratch or staging folder is left, and nothing of the host appears in any result or report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResult, resultPath } from '../../grader/batch/store.ts';
import { main } from '../../grader/cli.ts';
import { gradeExercise } from '../../grader/grade/grade-exercise.ts';
import { REPO_ROOT } from '../../grader/paths.ts';
import type { GradeResult } from '../../grader/results/types.ts';
import { summary } from '../grading.ts';
import { withEnv } from '../env.ts';

const HONEST = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'class', 'ada', 'sgd', 'sgd.ts'), 'utf8');
const REFERENCE_LINES = fs.readFileSync(path.join(REPO_ROOT, 'reference', 'optim', 'sgd.ts'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l.length > 25);
const hostile = (name: string): string => fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'hostile', name), 'utf8').replaceAll('__REPO__', REPO_ROOT);

/** Attackers that get nothing: their file never becomes code, or never gives a right answer. */
const ZERO: Record<string, string> = {
  'm-absolute-reference': hostile('bundle/absolute-reference.ts'),
  'm-classmate': hostile('bundle/classmate.ts').replaceAll('__CLASSMATE__', 'a-honest'),
  'm-classmate-glob': hostile('bundle/classmate-glob.ts'),
  'm-attribute-text': hostile('bundle/attribute-text.ts'),
  'm-attribute-zero': hostile('bundle/attribute-zero.ts'),
  'm-paths-alias': hostile('bundle/paths-alias.ts'),
  'm-brackets': `export const x = ${'['.repeat(350_000)}${']'.repeat(350_000)};\n`,
  'm-load-loop': hostile('load-loop.ts'),
};
/** Attackers whose one-step check must fail (the attack runs there); the rest is scored on its merits. */
const ONE_STEP_FAILS: Record<string, string> = {
  'm-huge-error-name': hostile('huge-error-name.ts'),
  'm-fake-wire': hostile('fake-wire.ts'),
  'm-huge-result': hostile('huge-result.ts'),
  'm-disk-filler': hostile('disk-filler.ts'),
  'm-terminal-escapes': hostile('terminal-escapes.ts'),
};

// A temporary folder of its own: what is left in it afterwards was left by this batch.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-class-tmp-'));
withEnv({ TMPDIR: tmp, GRADER_MEMORY_CAP_MB: '1024' });

function writeClass(dir: string): void {
  const students: Record<string, string> = { 'a-honest': HONEST, ...ZERO, ...ONE_STEP_FAILS, 'm-ipc-garbage': hostile('ipc-garbage.ts'), 'z-honest': HONEST };
  for (const [name, src] of Object.entries(students)) {
    fs.mkdirSync(path.join(dir, name, 'sgd'), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'sgd', 'sgd.ts'), src);
  }
  fs.writeFileSync(path.join(dir, 'm-paths-alias', 'sgd', 'tsconfig.json'), hostile('bundle/tsconfig-paths.json'));
  // A symlinked exercise file, one into the answer key and one to /dev/zero.
  for (const [name, target] of [['m-symlink-reference', path.join(REPO_ROOT, 'reference', 'optim', 'sgd.ts')], ['m-symlink-zero', '/dev/zero']] as const) {
    fs.mkdirSync(path.join(dir, name, 'sgd'), { recursive: true });
    fs.symlinkSync(target, path.join(dir, name, 'sgd', 'sgd.ts'));
  }
}

const leftovers = (): string[] => fs.readdirSync(tmp).filter((n) => /^grader-(scratch|stage)-/.test(n));

describe('a class of honest students and attackers', () => {
  it('when graded in one batch then the honest keep their marks, attackers earn nothing unearned, and a rerun resumes', async () => {
    const classDir = path.join(tmp, 'class');
    const out = path.join(tmp, 'out');
    writeClass(classDir);
    const alone = await gradeExercise('sgd', { submissionDir: path.join(classDir, 'a-honest'), backend: 'wasm', seed: 1, timeoutCap: 30 });
    expect(alone.score, summary(alone)).toBe(alone.maxScore);

    const io = { out: () => undefined, err: () => undefined };
    const args = ['batch', classDir, '--out', out, '--exercises', 'sgd', '--jobs', '2', '--backend', 'wasm', '--timeout', '30'];
    const code = await main(args, io);
    expect([0, 1]).toContain(code);

    const students = fs.readdirSync(classDir).sort();
    const results = new Map<string, GradeResult>();
    for (const s of students) {
      const r = readResult(resultPath(out, s, 'sgd'));
      expect(r, `no result for ${s}`).toBeDefined();
      results.set(s, r!);
      expect(r!.graderError, `${s}: ${r!.graderError}`).toBeUndefined();
    }
    for (const s of ['a-honest', 'z-honest']) {
      const r = results.get(s)!;
      expect(r.checks.map((c) => [c.name, c.passed, c.score]), summary(r)).toEqual(alone.checks.map((c) => [c.name, c.passed, c.score]));
    }
    for (const s of [...Object.keys(ZERO), 'm-symlink-reference', 'm-symlink-zero']) expect(results.get(s)!.score, `${s}\n${summary(results.get(s)!)}`).toBe(0);
    for (const s of Object.keys(ONE_STEP_FAILS)) expect(results.get(s)!.checks.find((c) => c.name === 'one step')!.passed, s).toBe(false);

    // Nothing of the host or the answer key anywhere, and no control sequence.
    const hostname = fs.readFileSync('/etc/hostname', 'utf8').trim();
    for (const [s, r] of results) {
      const text = JSON.stringify(r);
      expect(text, s).not.toMatch(/root:x:0:0|\\u001b/);
      if (hostname.length > 3) expect(text, s).not.toContain(hostname);
      for (const line of REFERENCE_LINES) expect(text, s).not.toContain(line);
      expect(text.length, s).toBeLessThan(100_000);
    }
    expect(leftovers()).toEqual([]);

    // A rerun finds everything done.
    const lines: string[] = [];
    expect(await main(args, { out: (t) => lines.push(t), err: () => undefined })).toBe(code);
    expect(lines.join('\n')).toMatch(new RegExp(`graded 0 .*skipped ${students.length} already graded`));

    // The report renders every student.
    const html = path.join(tmp, 'report.html');
    expect([0, 1]).toContain(await main(['report', out, '--html', html], io));
    expect(fs.readFileSync(html, 'utf8')).not.toMatch(/root:x:0:0|\u001b/);
  });
});

describe('a single grade of an attacker, in every format', () => {
  for (const [name, source] of [['m-brackets', ZERO['m-brackets']!], ['m-huge-error-name', ONE_STEP_FAILS['m-huge-error-name']!], ['m-terminal-escapes', ONE_STEP_FAILS['m-terminal-escapes']!]] as const) {
    it(`when ${name} is graded alone then every format is written, small and clean, and the exit code is 0 or 1`, async () => {
      const dir = path.join(tmp, 'single', name);
      fs.mkdirSync(path.join(dir, 'sgd'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'sgd', 'sgd.ts'), source);
      for (const format of ['json', 'gradescope', 'junit', 'prairielearn', 'classroom50']) {
        const out = path.join(tmp, 'single', `${name}.${format}`);
        const code = await main(['sgd', '--submission', dir, '--backend', 'wasm', '--timeout', '20', '--format', format, '--out', out], { out: () => undefined, err: () => undefined });
        expect([0, 1], `${name} ${format}`).toContain(code);
        const text = fs.readFileSync(out, 'utf8');
        expect(text.length, `${name} ${format}`).toBeGreaterThan(50);
        expect(text.length, `${name} ${format}`).toBeLessThan(200_000);
        expect(text, `${name} ${format}`).not.toMatch(/\u001b|\\u001b|root:x:0:0/);
      }
    });
  }
});
