import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { loadManifest } from '../manifest/load.ts';
import { REPO_ROOT } from '../paths.ts';

/** A fresh submission folder holding `<id>/<id>.ts` with the given source. */
export function submissionWith(id: string, source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `grade-${id}-`));
  fs.mkdirSync(path.join(dir, id));
  fs.writeFileSync(path.join(dir, id, `${id}.ts`), source);
  return dir;
}

/** A repository TypeScript file and its relative imports as one ES module (packages stay imports). */
export function answerKeyAsOneFile(file: string): string {
  const out = buildSync({ entryPoints: [file], bundle: true, write: false, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'silent', absWorkingDir: REPO_ROOT });
  return out.outputFiles[0]!.text;
}

/**
 * The answer key handed in as a submission: the reference file with everything it imports from
 * the repository inlined into one self-contained file (a submission may import only its own
 * folder, so a re-export of the reference path would be refused like any other).
 */
export function referenceSubmission(id: string): string {
  return submissionWith(id, answerKeyAsOneFile(path.join(REPO_ROOT, loadManifest(id).reference!)));
}

/** The repo's stub as a student would hand it in untouched. */
export function stubSubmission(id: string): string {
  return submissionWith(id, fs.readFileSync(path.join(REPO_ROOT, 'exercises', id, `${id}.ts`), 'utf8'));
}
