import type { JudgeInput } from './types.ts';

/**
 * Whether the visible value and gradient checks that ran before this one all passed (and there
 * was at least one). A training check's hint uses it: once the student's formulas are proven on
 * the cases, blaming a sign or a formula would contradict what the student was already told.
 */
export function formulasProven(earlier: JudgeInput['earlier'] = []): boolean {
  const formulaChecks = earlier.filter((c) => c.kind === 'output' || c.kind === 'gradient');
  return formulaChecks.length > 0 && formulaChecks.every((c) => c.passed);
}

/** The value and gradient checks that ran before this one and failed, by name. */
export function failedFormulaChecks(earlier: JudgeInput['earlier'] = []): string[] {
  return earlier.filter((c) => (c.kind === 'output' || c.kind === 'gradient') && !c.passed).map((c) => c.name);
}
