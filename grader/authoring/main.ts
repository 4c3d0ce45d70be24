import type { BackendChoice } from '../backends/names.ts';
import { listExerciseIds, unknownExercises } from '../manifest/load.ts';
import { checkCourse, renderFindings } from './check-course.ts';
import { scaffoldExercise } from './new-exercise.ts';

interface AuthorIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** `grade new <id>`: prints the files written and the next steps; exit 0. */
export function newMain(id: string, o: { topic?: string }, io: AuthorIo): number {
  const files = scaffoldExercise(id, o.topic);
  io.out(`new exercise "${id}" (placeholder task: double a tensor):\n${files.map((f) => `  ${f}`).join('\n')}`);
  io.out(`next: npx grade check-course ${id}   (passes as written; then replace the placeholder, see README "Adding an exercise")`);
  return 0;
}

export interface CheckCourseCommandOptions {
  backend: BackendChoice;
  seed: number;
  jobs: number;
  timeout?: number;
}

/** `grade check-course [ids...]`: exit 0 only when every finding is ✓, 1 otherwise, 2 for unknown ids. */
export async function checkCourseMain(ids: string[], o: CheckCourseCommandOptions, io: AuthorIo): Promise<number> {
  const wanted = ids.length > 0 ? ids : listExerciseIds();
  const unknown = unknownExercises(wanted);
  if (unknown) {
    io.err(`grade: ${unknown}`);
    return 2;
  }
  let done = 0;
  const findings = await checkCourse(wanted, {
    backend: o.backend,
    seed: o.seed,
    jobs: o.jobs,
    timeoutCap: o.timeout,
    onFinding: (f) => io.err(`[${++done}] ${f.ok ? '✓' : '✗'} ${f.exercise} ${f.subject}`),
  });
  io.out(renderFindings(findings));
  return findings.every((f) => f.ok) ? 0 : 1;
}
