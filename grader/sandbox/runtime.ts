/**
 * The student sandbox does not run TypeScript through tsx (tsx transforms with esbuild, which
 * spawns a process, and the sandbox may not spawn anything). Instead the parent bundles the
 * child's own code (sandbox, backends, harness) and, per exercise, the task table into plain
 * ES modules under `.cache/sandbox-runtime/`, the only grader files the sandbox may read.
 * Packages stay external: they are resolved from the repository's node_modules at run time.
 *
 * A bundle must never carry the answer key: anything under reference/ other than
 * reference/support/ (the shared training loop) refuses to be bundled.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { writeFileAtomically } from '../basics/atomic-write.ts';
import { courseFiles } from '../course/files.ts';
import { REPO_ROOT, repoPath } from '../paths.ts';

export const RUNTIME_DIR = repoPath('.cache', 'sandbox-runtime');
const ALLOWED_REFERENCE = ['reference/support/'];

async function bundle(entry: string, name: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: REPO_ROOT,
  });
  for (const input of Object.keys(out.metafile.inputs)) {
    const rel = path.relative(REPO_ROOT, path.resolve(REPO_ROOT, input)).split(path.sep).join('/');
    if (rel.startsWith('reference/') && !ALLOWED_REFERENCE.some((p) => rel.startsWith(p))) {
      throw new Error(`grader: the sandbox runtime for ${name} would include ${rel} (an answer key); tasks may import only ${ALLOWED_REFERENCE.join(', ')}`);
    }
  }
  const code = out.outputFiles[0]!.text;
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = path.join(RUNTIME_DIR, `${name}-${hash}.mjs`);
  if (!fs.existsSync(file)) {
    writeFileAtomically(file, code);
    pruneOlderBuilds(RUNTIME_DIR, name, file);
  }
  return file;
}

/** A build is kept an hour after a grader last used it: a grading that started before a change may still load it. */
const KEEP_REPLACED_MS = 3_600_000;

/** Removes earlier builds of `name` in `dir` (edited grader code leaves one behind per edit). */
export function pruneOlderBuilds(dir: string, name: string, current: string): void {
  const pattern = new RegExp(`^${name.replace(/[-]/g, '\\-')}-[0-9a-f]{16}\\.mjs$`);
  for (const f of fs.readdirSync(dir)) {
    const full = path.join(dir, f);
    if (full === current || !pattern.test(f)) continue;
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > KEEP_REPLACED_MS) fs.rmSync(full, { force: true });
    } catch {
      // Another grading removed it first.
    }
  }
}

const built = new Map<string, Promise<string>>();

function once(key: string, make: () => Promise<string>): Promise<string> {
  let p = built.get(key);
  if (!p) {
    p = make();
    p.catch(() => built.delete(key));
    built.set(key, p);
  }
  return p.then(touched);
}

/**
 * Marks a build as used now: its mtime is what pruneOlderBuilds reads, so a build that a long
 * grading (a batch, a test run) still starts sandboxes from is kept an hour past its last use,
 * even when the checkout changed meanwhile and a newer build replaced it.
 */
function touched(file: string): string {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // Gone already: the spawn that follows reports it.
  }
  return file;
}

/** The bundled sandbox process entry (grader/sandbox/child.ts). */
export function childRuntime(): Promise<string> {
  return once('child', () => bundle(repoPath('grader', 'sandbox', 'child.ts'), 'child'));
}

/** The bundled submission bundler (grader/submission/bundle-child.ts), run once per submission. */
export function bundlerRuntime(): Promise<string> {
  return once('bundler', () => bundle(repoPath('grader', 'submission', 'bundle-child.ts'), 'bundler'));
}

/** The bundled task table of an exercise, or undefined when it has none of its own. */
export async function tasksRuntime(exercise: string): Promise<string | undefined> {
  if (!/^[a-z0-9-]+$/.test(exercise)) throw new Error(`grader: bad exercise id ${exercise}`);
  const file = courseFiles.tasks(exercise);
  if (!fs.existsSync(file)) return undefined;
  return once(`tasks-${exercise}`, () => bundle(file, `tasks-${exercise}`));
}
