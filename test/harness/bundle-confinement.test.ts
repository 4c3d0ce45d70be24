/**
 * The bundle step reads nothing but the student's own exercise folder (issue 13): the answer
 * key, a classmate's work, host files and the grader's caches are out of reach by every route
 * a bundler offers (absolute and relative paths, symlinks, globs, tsconfig paths/extends,
 * import attributes), and a file that breaks the bundler breaks that submission only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../../grader/grade/grade-exercise.ts';
import { REPO_ROOT } from '../../grader/paths.ts';
import type { GradeResult } from '../../grader/results/types.ts';
import { bundleSubmission, SubmissionError } from '../../grader/submission/bundle.ts';
import { submissionWith, summary } from '../grading.ts';

const HONEST = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'class', 'ada', 'sgd', 'sgd.ts'), 'utf8');
const REFERENCE = fs.readFileSync(path.join(REPO_ROOT, 'reference', 'optim', 'sgd.ts'), 'utf8');

function fixture(name: string, vars: Record<string, string> = {}): string {
  let src = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'hostile', 'bundle', name), 'utf8');
  for (const [k, v] of Object.entries({ REPO: REPO_ROOT, ...vars })) src = src.replaceAll(`__${k}__`, v);
  return src;
}

const grade = (dir: string): Promise<GradeResult> => gradeExercise('sgd', { submissionDir: dir, backend: 'wasm', seed: 1, timeoutCap: 6 });

/** Nothing of the host or the answer key in anything the grade says. */
function expectClean(r: GradeResult): void {
  const all = JSON.stringify(r);
  expect(all).not.toMatch(/root:x:0:0/);
  expect(all).not.toContain(fs.readFileSync('/etc/hostname', 'utf8').trim() || '\u0000');
  for (const line of REFERENCE.split('\n').map((l) => l.trim()).filter((l) => l.length > 25)) expect(all).not.toContain(line);
}

async function bundleError(dir: string): Promise<string> {
  try {
    await bundleSubmission(dir, 'sgd');
  } catch (e) {
    expect(e).toBeInstanceOf(SubmissionError);
    return (e as Error).message;
  }
  throw new Error('the bundle was made');
}

/** A class folder: `<class>/<name>/sgd/sgd.ts` for each student. */
function classWith(students: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grade-class-'));
  for (const [name, src] of Object.entries(students)) {
    fs.mkdirSync(path.join(dir, name, 'sgd'), { recursive: true });
    fs.writeFileSync(path.join(dir, name, 'sgd', 'sgd.ts'), src);
  }
  return dir;
}

describe('bundle confinement: the answer key', () => {
  it('when the file re-exports the reference by its absolute path then it is refused and scores zero', async () => {
    const r = await grade(submissionWith('sgd', fixture('absolute-reference.ts')));
    expect(r.score, summary(r)).toBe(0);
    expect(r.checks[0]!.message).toMatch(/a submission may import only .*files in its own exercise folder/);
    expectClean(r);
  });

  it('when the exercise file is a symlink into reference/ then it is refused, not followed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grade-sgd-'));
    fs.mkdirSync(path.join(dir, 'sgd'));
    fs.symlinkSync(path.join(REPO_ROOT, 'reference', 'optim', 'sgd.ts'), path.join(dir, 'sgd', 'sgd.ts'));
    const r = await grade(dir);
    expect(r.score).toBe(0);
    expect(r.checks[0]!.message).toBe('sgd/sgd.ts is a symbolic link: hand in the file itself');
    expectClean(r);
  });

  it('when the exercise folder is a symlink then it is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grade-sgd-'));
    fs.symlinkSync(path.join(REPO_ROOT, 'exercises', 'sgd'), path.join(dir, 'sgd'));
    const r = await grade(dir);
    expect(r.score).toBe(0);
    expect(r.checks[0]!.message).toMatch(/^the folder sgd\/ is a symbolic link/);
  });

  it('when a helper file beside it is a symlink to the reference then the import finds no such file', async () => {
    const dir = submissionWith('sgd', "export { sgdStep } from './helper.ts';\n");
    fs.symlinkSync(path.join(REPO_ROOT, 'reference', 'optim', 'sgd.ts'), path.join(dir, 'sgd', 'helper.ts'));
    expect(await bundleError(dir)).toMatch(/cannot import "\.\/helper\.ts": no such file in your exercise folder/);
  });
});

describe('bundle confinement: classmates', () => {
  it('when a student re-exports a classmate\'s file by a relative path then it is refused', async () => {
    const cls = classWith({ ada: HONEST, mallory: fixture('classmate.ts', { CLASSMATE: 'ada' }) });
    const r = await grade(path.join(cls, 'mallory'));
    expect(r.score).toBe(0);
    expect(r.checks[0]!.message).toMatch(/cannot import "\.\.\/\.\.\/ada\/sgd\/sgd\.ts": it is outside your exercise folder/);
  });

  it('when a template-literal require globs over the class then it is refused before a classmate\'s file is read', async () => {
    const cls = classWith({ ada: HONEST, mallory: fixture('classmate-glob.ts') });
    const message = await bundleError(path.join(cls, 'mallory'));
    expect(message).toMatch(/a computed import path reaches outside your exercise folder/);
    expect(message).not.toContain('tf.sub(p');
  });

  it('when a template-literal require globs over its own folder then that still works', async () => {
    const dir = submissionWith('sgd', "const which = 'step';\nexport const { sgdStep } = require(`./parts/${which}.ts`);\n");
    fs.mkdirSync(path.join(dir, 'sgd', 'parts'));
    fs.writeFileSync(path.join(dir, 'sgd', 'parts', 'step.ts'), HONEST);
    const r = await grade(dir);
    expect(r.score, summary(r)).toBe(r.maxScore);
  });
});

describe('bundle confinement: configuration the student ships', () => {
  it('when a tsconfig.json maps an innocent name to the answer key then it is ignored', async () => {
    const dir = submissionWith('sgd', fixture('paths-alias.ts'));
    fs.writeFileSync(path.join(dir, 'sgd', 'tsconfig.json'), fixture('tsconfig-paths.json'));
    const r = await grade(dir);
    expect(r.score).toBe(0);
    expect(r.checks[0]!.message).toMatch(/"innocent" cannot be imported in a submission/);
    expectClean(r);
  });

  it('when a tsconfig.json extends a host file then nothing of it appears', async () => {
    const dir = submissionWith('sgd', HONEST);
    fs.writeFileSync(path.join(dir, 'sgd', 'tsconfig.json'), fixture('tsconfig-extends.json'));
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), fixture('tsconfig-extends.json'));
    const r = await grade(dir);
    expect(r.score, summary(r)).toBe(r.maxScore);
    expectClean(r);
  });
});

describe('bundle confinement: import attributes', () => {
  it('when a host file is imported as text then it is refused before it is read', async () => {
    const r = await grade(submissionWith('sgd', fixture('attribute-text.ts')));
    expect(r.score).toBe(0);
    expect(r.checks[0]!.message).toMatch(/import attributes \(type: 'text'\) are not allowed/);
    expectClean(r);
  });

  it('when /dev/zero is imported as bytes then it is refused and the next submission still bundles', async () => {
    expect(await bundleError(submissionWith('sgd', fixture('attribute-zero.ts')))).toMatch(/import attributes/);
    await expect(bundleSubmission(submissionWith('sgd', HONEST), 'sgd')).resolves.toHaveProperty('code');
  });

  it('when the grader\'s cache is imported as JSON by a relative path then it is outside the folder', async () => {
    expect(await bundleError(submissionWith('sgd', fixture('attribute-cache.ts')))).toMatch(/outside your exercise folder/);
  });
});

describe('bundle confinement: files that are not files', () => {
  it('when the exercise file is a symlink to /dev/zero then it is refused without reading', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grade-sgd-'));
    fs.mkdirSync(path.join(dir, 'sgd'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'sgd', 'sgd.ts'));
    expect(await bundleError(dir)).toBe('sgd/sgd.ts is a symbolic link: hand in the file itself');
  });

  it('when the folder holds a FIFO then it is skipped (no hang) and the file still grades', async () => {
    const dir = submissionWith('sgd', HONEST);
    const fifo = path.join(dir, 'sgd', 'pipe.ts');
    const { spawnSync } = await import('node:child_process');
    spawnSync('mkfifo', [fifo]);
    const b = await bundleSubmission(dir, 'sgd');
    expect(b.skipped).toContain('pipe.ts (a FIFO)');
  });

  it('when the exercise file is larger than the cap then it is refused with the limit', async () => {
    const dir = submissionWith('sgd', `${HONEST}\n//${'x'.repeat(1024 * 1024)}\n`);
    expect(await bundleError(dir)).toMatch(/^sgd\/sgd\.ts is \d+ bytes \(the limit is 1048576\)$/);
  });
});

describe('bundle confinement: a file that breaks the bundler', () => {
  it('when 700 KB of nested brackets stop the compiler then that file fails and the next one still bundles', async () => {
    const depth = 350_000;
    const dir = submissionWith('sgd', `export const x = ${'['.repeat(depth)}${']'.repeat(depth)};\n`);
    const r = await grade(dir);
    expect(r.score).toBe(0);
    expect(r.checks[0]!.message).toMatch(/^your file does not compile: /);
    const honest = await grade(submissionWith('sgd', HONEST));
    expect(honest.score, summary(honest)).toBe(honest.maxScore);
  });
});

describe('bundle confinement: honest ways to split a file', () => {
  it('when the solution imports a helper file (with a .js suffix, from a subfolder) then it bundles and passes', async () => {
    const dir = submissionWith('sgd', "export { sgdStep } from './lib/step.js';\n");
    fs.mkdirSync(path.join(dir, 'sgd', 'lib'));
    fs.writeFileSync(path.join(dir, 'sgd', 'lib', 'step.ts'), HONEST);
    fs.writeFileSync(path.join(dir, 'sgd', 'notes.md'), '# my notes\n');
    const r = await grade(dir);
    expect(r.score, summary(r)).toBe(r.maxScore);
  });
});

describe('bundle confinement: side doors of the bundler', () => {
  it('when a file links a source map on the host then esbuild never reads it', async () => {
    const map = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'host-map-')), 'secret.map');
    fs.writeFileSync(map, JSON.stringify({ version: 3, sources: ['LEAKED-NAME.ts'], names: ['secretName'], mappings: 'AAAA' }));
    const dir = submissionWith('sgd', `${HONEST}\n//# sourceMappingURL=${map}\n`);
    const b = await bundleSubmission(dir, 'sgd');
    const inline = b.code.match(/sourceMappingURL=data:application\/json;base64,(\S+)\s*$/)!;
    expect(Buffer.from(inline[1]!, 'base64').toString('utf8')).not.toContain('LEAKED-NAME');
    const r = await grade(dir);
    expect(r.score, summary(r)).toBe(r.maxScore);
  });

  it('when the exercise file is a hard link then it is refused (it may be any file on the disk)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grade-sgd-'));
    fs.mkdirSync(path.join(dir, 'sgd'));
    const original = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'elsewhere-')), 'sgd.ts');
    fs.writeFileSync(original, HONEST);
    fs.linkSync(original, path.join(dir, 'sgd', 'sgd.ts'));
    expect(await bundleError(dir)).toBe('sgd/sgd.ts is a hard link to another file: hand in a copy of your own');
  });

  it('when the folder holds thousands of empty folders then it is refused with the limit', async () => {
    const dir = submissionWith('sgd', HONEST);
    for (let i = 0; i < 2100; i++) fs.mkdirSync(path.join(dir, 'sgd', `d${i}`));
    expect(await bundleError(dir)).toMatch(/more than 2000 files and folders/);
  });
});
