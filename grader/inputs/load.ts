import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { repoPath } from '../paths.ts';
import type { ExerciseInputs } from './types.ts';

/** grader/inputs/<id>.ts: the exercise's seeded case recipes (none when the file is absent). */
export async function loadInputs(id: string): Promise<ExerciseInputs> {
  const file = repoPath('grader', 'inputs', `${id}.ts`);
  if (!fs.existsSync(file)) return { cases: {} };
  return (await import(pathToFileURL(file).href)) as ExerciseInputs;
}
