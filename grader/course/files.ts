import path from 'node:path';
import { repoPath } from '../paths.ts';

/**
 * Where the grader keeps what it knows about one exercise: grader/course/<id>/. The only module
 * that knows the layout; everything else asks here.
 *
 *   cases.ts         seeded input recipes (`export const cases`)
 *   hidden-cases.ts  the hidden checks' recipes (left out of the student edition)
 *   tasks.ts         what runs around the student's functions in the sandbox (`export const tasks`)
 *   judges.ts        property and distribution judges, run in the parent (`export const judges`)
 *   <id>.test.ts     the exercise graded three ways; <id>.slow.test.ts under many seeds
 *   wrong/           known-wrong submissions (each must lose points with a useful message)
 *   correct/         correct-but-different submissions (each must get full marks)
 *
 * Code several exercises share lives in grader/course/shared/<family>/.
 */
export const COURSE_DIR = repoPath('grader', 'course');

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function dirOf(id: string): string {
  // The id comes from a manifest or a command line: never let it name a path outside the course.
  if (!ID.test(id)) throw new Error(`grader: "${id}" is not an exercise id (lowercase letters, digits and single dashes)`);
  return path.join(COURSE_DIR, id);
}

export const courseFiles = {
  dir: dirOf,
  cases: (id: string) => path.join(dirOf(id), 'cases.ts'),
  hiddenCases: (id: string) => path.join(dirOf(id), 'hidden-cases.ts'),
  tasks: (id: string) => path.join(dirOf(id), 'tasks.ts'),
  judges: (id: string) => path.join(dirOf(id), 'judges.ts'),
  wrong: (id: string) => path.join(dirOf(id), 'wrong'),
  correct: (id: string) => path.join(dirOf(id), 'correct'),
};

/** Repo-relative, for messages an author reads. */
export function courseRel(file: string): string {
  return path.relative(repoPath(), file).split(path.sep).join('/');
}
