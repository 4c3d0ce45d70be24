import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT } from '../paths.ts';

/** Everything a reference result depends on besides the exercise, backend and seed. */
const SOURCES = ['reference', 'grader/inputs', 'grader/tasks', 'grader/sandbox', 'datasets', 'grader/backends'];

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
}

let cached: string | undefined;

/** A hash of the answer key, the input recipes, the tasks and the tfjs version: the "reference version". */
export function referenceFingerprint(): string {
  if (cached) return cached;
  const files: string[] = [];
  for (const s of SOURCES) walk(path.join(REPO_ROOT, s), files);
  files.sort();
  const h = crypto.createHash('sha256');
  const require = createRequire(import.meta.url);
  h.update(`tfjs ${(require('@tensorflow/tfjs/package.json') as { version: string }).version}\n`);
  for (const f of files) {
    h.update(path.relative(REPO_ROOT, f));
    h.update(fs.readFileSync(f));
  }
  cached = h.digest('hex').slice(0, 16);
  return cached;
}
