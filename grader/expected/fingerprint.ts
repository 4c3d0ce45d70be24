import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { Manifest } from '../manifest/types.ts';
import { REPO_ROOT } from '../paths.ts';

const cached = new Map<string, string>();

/**
 * The "reference version" of one exercise: a hash of every local source file its reference
 * results depend on (the answer key and its variants, the exercise's input recipes and tasks,
 * the sandbox, with everything they import, found by esbuild) and of the tfjs version. Editing
 * another exercise does not invalidate this one's cache.
 */
export async function referenceFingerprint(m: Manifest): Promise<string> {
  const hit = cached.get(m.id);
  if (hit) return hit;
  const entries = [m.reference, m.variants, `grader/course/${m.id}/cases.ts`, `grader/course/${m.id}/hidden-cases.ts`, `grader/course/${m.id}/tasks.ts`, 'grader/sandbox/child.ts']
    .filter((f): f is string => f !== undefined)
    .map((f) => path.join(REPO_ROOT, f))
    .filter((f) => fs.existsSync(f));
  const out = await build({ entryPoints: entries, bundle: true, write: false, metafile: true, packages: 'external', platform: 'node', format: 'esm', outdir: 'unused', logLevel: 'silent', absWorkingDir: REPO_ROOT });
  const files = Object.keys(out.metafile.inputs).sort();
  const h = crypto.createHash('sha256');
  const require = createRequire(import.meta.url);
  h.update(`tfjs ${(require('@tensorflow/tfjs/package.json') as { version: string }).version}\n`);
  for (const f of files) {
    h.update(f);
    h.update(fs.readFileSync(path.join(REPO_ROOT, f)));
  }
  const fp = h.digest('hex').slice(0, 16);
  cached.set(m.id, fp);
  return fp;
}
