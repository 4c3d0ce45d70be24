import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { courseFiles } from '../course/files.ts';
import type { ExerciseInputs } from './types.ts';

async function casesOf(file: string): Promise<ExerciseInputs['cases']> {
  if (!fs.existsSync(file)) return {};
  return ((await import(pathToFileURL(file).href)) as ExerciseInputs).cases;
}

/**
 * The exercise's seeded case recipes: grader/course/<id>/cases.ts, plus its hidden-cases.ts
 * for the hidden checks. The hidden recipes live apart so that `grade pack` can leave them out:
 * a hidden check's inputs stay with the instructor (none when a file is absent).
 */
export async function loadInputs(id: string): Promise<ExerciseInputs> {
  const visible = await casesOf(courseFiles.cases(id));
  const hidden = await casesOf(courseFiles.hiddenCases(id));
  return { cases: { ...visible, ...hidden } };
}

/** The public recipes only (what the student edition carries). */
export async function loadVisibleInputs(id: string): Promise<ExerciseInputs> {
  return { cases: await casesOf(courseFiles.cases(id)) };
}
