import fs from 'node:fs';
import path from 'node:path';
import { EXERCISES_DIR } from '../paths.ts';

/** The student's file for an exercise: `<submission>/<id>/<id>.ts`, or the repo's own copy. */
export function submissionFile(id: string, submissionDir?: string): string {
  return path.join(submissionRoot(submissionDir), id, `${id}.ts`);
}

/** The folder that holds `<id>/<id>.ts` folders: the given submission, or the repo's exercises/. */
export function submissionRoot(submissionDir?: string): string {
  return submissionDir ? path.resolve(submissionDir) : EXERCISES_DIR;
}

/** Whether `<id>/<id>.ts` is there at all (even a symlink: grading then says what is wrong with it). */
export function submissionExists(id: string, submissionDir?: string): boolean {
  return fs.lstatSync(submissionFile(id, submissionDir), { throwIfNoEntry: false }) !== undefined;
}
