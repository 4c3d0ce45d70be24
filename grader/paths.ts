import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (where package.json and exercises/ are). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXERCISES_DIR = path.join(REPO_ROOT, 'exercises');
export const CACHE_DIR = process.env.GRADER_CACHE_DIR ?? path.join(REPO_ROOT, '.cache');

export function repoPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts);
}
