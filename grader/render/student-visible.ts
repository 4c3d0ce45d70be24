import type { CheckResult, GradeResult } from '../results/types.ts';

/** A check with the per-check console output that the sandbox may capture (absent in older results). */
type CheckWithConsole = CheckResult & { console?: string };

/**
 * What a check printed, for a field a student sees: never a hidden check's output (printing a
 * hidden check's inputs would disclose them).
 */
export function visibleCheckConsole(c: CheckResult): string {
  const printed = (c as CheckWithConsole).console;
  return c.hidden || typeof printed !== 'string' ? '' : printed;
}

/** Whether the result carries console output per check (then the top-level console is not needed). */
export function hasPerCheckConsole(r: GradeResult): boolean {
  return r.checks.some((c) => typeof (c as CheckWithConsole).console === 'string');
}

/**
 * What the student's code printed, for a field a student sees: with per-check capture, the
 * non-hidden checks' output; otherwise the top-level `studentConsole`, which by contract holds
 * only the non-hidden checks' output.
 */
export function visibleConsole(r: GradeResult): string {
  if (!hasPerCheckConsole(r)) return r.studentConsole;
  return r.checks
    .map((c) => visibleCheckConsole(c))
    .filter((t) => t.trim() !== '')
    .map((t) => (t.endsWith('\n') ? t : `${t}\n`))
    .join('');
}

/** A check's message and hint as one text. */
export function messageWithHint(c: CheckResult): string {
  return c.hint ? `${c.message}\nhint: ${c.hint}` : c.message;
}
