import type { JudgeInput } from './types.ts';

/** The visible value and gradient checks that ran before this one: the ones that test the student's formulas. */
function formulaChecks(earlier: JudgeInput['earlier'] = []): NonNullable<JudgeInput['earlier']> {
  return earlier.filter((c) => c.kind === 'output' || c.kind === 'gradient');
}

/**
 * Whether the visible value and gradient checks that ran before this one all passed (and there
 * was at least one). A training check's hint uses it: once the student's formulas are proven on
 * the cases, blaming a sign or a formula would contradict what the student was already told.
 */
export function formulasProven(earlier?: JudgeInput['earlier']): boolean {
  const checks = formulaChecks(earlier);
  return checks.length > 0 && checks.every((c) => c.passed);
}

/** The value and gradient checks that ran before this one and failed, by name. */
export function failedFormulaChecks(earlier?: JudgeInput['earlier']): string[] {
  return formulaChecks(earlier).filter((c) => !c.passed).map((c) => c.name);
}
