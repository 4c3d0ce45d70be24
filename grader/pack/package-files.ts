import fs from 'node:fs';
import { repoPath } from '../paths.ts';

interface PackageJson {
  name: string;
  description?: string;
  scripts?: Record<string, string>;
  [key: string]: unknown;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(repoPath(file), 'utf8')) as T;
const studentName = (name: string): string => `${name}-student`;

/**
 * The student edition's package.json: the grader's own dependencies unchanged (so the lockfile
 * below stays valid for `npm ci`), its own name and only the scripts a student runs.
 */
export function studentPackageJson(): string {
  const p = readJson<PackageJson>('package.json');
  const out: PackageJson = { ...p, name: studentName(p.name), description: 'Student edition of the course: exercise stubs and the grader, without the answer key.', scripts: { grade: 'node bin/grade.js' } };
  return JSON.stringify(out, null, 2) + '\n';
}

/** The grader's package-lock.json, renamed to match: the same exact versions and integrity hashes. */
export function studentPackageLock(): string {
  const lock = readJson<{ name: string; packages?: Record<string, { name?: string }> }>('package-lock.json');
  lock.name = studentName(lock.name);
  const root = lock.packages?.[''];
  if (root?.name) root.name = studentName(root.name);
  return JSON.stringify(lock, null, 2) + '\n';
}
