import type { CheckResult, GradeResult } from '../results/types.ts';

/**
 * What a check printed, for a field a student sees: never a hidden check's output (printing a
 * hidden check's inputs would disclose them).
 */
export function visibleCheckConsole(c: CheckResult): string {
  return c.hidden || typeof c.console !== 'string' ? '' : c.console;
}

/**
 * What the student's code printed, for a field a student sees: the top-level `studentConsole`,
 * which by the result's contract (grader/results/types.ts) holds what was printed while loading
 * and in the public checks only, never in a hidden one.
 */
export function visibleConsole(r: GradeResult): string {
  return r.studentConsole;
}

/** A check's message and hint as one text. */
export function messageWithHint(c: CheckResult): string {
  return c.hint ? `${c.message}\nhint: ${c.hint}` : c.message;
}

/**
 * What a student sees of a hidden check: whether it passed, nothing else. Its message names the
 * failing case (a description of the hidden input) and its output may print the input itself.
 */
export function hiddenCheckText(c: CheckResult): string {
  return c.passed ? 'passed (a hidden check)' : 'failed (a hidden check: its details are not shown)';
}
