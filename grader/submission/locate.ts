import fs from 'node:fs';
import path from 'node:path';
import { EXERCISES_DIR } from '../paths.ts';

/** The student's file for an exercise: `<submission>/<id>/<id>.ts`, or the repo's own copy. */
export function submissionFile(id: string, submissionDir?: string): string {
  const root = submissionDir ? path.resolve(submissionDir) : EXERCISES_DIR;
  return path.join(root, id, `${id}.ts`);
}

export function submissionExists(id: string, submissionDir?: string): boolean {
  return fs.existsSync(submissionFile(id, submissionDir));
}
