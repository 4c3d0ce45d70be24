import type { GradeResult } from '../results/types.ts';

/** One entry of Gradescope's `tests[]`. */
export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: 'visible' | 'hidden' | 'after_due_date' | 'after_published';
}

/** Gradescope's autograder `results.json`. */
export interface GradescopeResults {
  score: number;
  max_score?: number;
  execution_time: number;
  output: string;
  stdout_visibility: 'hidden' | 'visible';
  tests: GradescopeTest[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * The Gradescope autograder contract (`/autograder/results/results.json`): one test per check,
 * named "<exercise> › <check>"; a hidden check is shown to the student only once grades are
 * published (`after_published`). `execution_time` is the grades' total, in seconds.
 */
export function toGradescope(results: GradeResult[]): GradescopeResults {
  const tests: GradescopeTest[] = [];
  for (const r of results) {
    for (const c of r.checks) {
      tests.push({
        name: `${r.exercise} › ${c.name}`,
        score: c.score,
        max_score: c.maxScore,
        status: c.passed ? 'passed' : 'failed',
        output: c.hint ? `${c.message}\nhint: ${c.hint}` : c.message,
        visibility: c.hidden ? 'after_published' : 'visible',
      });
    }
  }
  const printed = results.filter((r) => r.studentConsole.trim() !== '').map((r) => `${r.exercise}: your code printed:\n${r.studentConsole.trimEnd()}`);
  return {
    score: round(results.reduce((a, r) => a + r.score, 0)),
    max_score: round(results.reduce((a, r) => a + r.maxScore, 0)),
    execution_time: round(results.reduce((a, r) => a + r.durationMs, 0) / 1000),
    output: printed.join('\n\n'),
    stdout_visibility: 'hidden',
    tests,
  };
}

/** What Gradescope gets when grading itself crashed: score 0 and the error, so the run still reports. */
export function gradescopeCrash(error: unknown, executionMs = 0): GradescopeResults {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    score: 0,
    execution_time: round(executionMs / 1000),
    output: `The autograder could not finish grading, so this submission scores 0 for now; your instructor has been shown this error:\n${message}`,
    stdout_visibility: 'hidden',
    tests: [],
  };
}

export function renderGradescope(results: GradeResult[]): string {
  return `${JSON.stringify(toGradescope(results), null, 2)}\n`;
}
