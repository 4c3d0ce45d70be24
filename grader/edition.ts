import fs from 'node:fs';
import { repoPath } from './paths.ts';

/**
 * Which grader this is. The full (instructor's) edition has the answer key and computes
 * reference results; the student edition, written by `grade pack`, has an `edition.json` at
 * its root and reads the expected results it was packed with instead.
 */
export interface StudentEdition {
  edition: 'student';
  /** The seeds whose expected results were packed: `--seed` must be one of them. */
  seeds: number[];
  /** The backend the expected results were computed on. */
  backend: string;
  /** When it was packed (ISO 8601). */
  packedAt: string;
  exercises: string[];
}

export const EDITION_FILE = 'edition.json';

let memo: StudentEdition | null | undefined;

export function studentEdition(): StudentEdition | undefined {
  if (memo === undefined) {
    const file = repoPath(EDITION_FILE);
    if (!fs.existsSync(file)) memo = null;
    else {
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StudentEdition>;
      if (raw.edition !== 'student' || !Array.isArray(raw.seeds)) throw new Error(`${file} is damaged: it should say {"edition": "student", "seeds": [...]}; restore it from the course's student edition`);
      memo = raw as StudentEdition;
    }
  }
  return memo ?? undefined;
}
