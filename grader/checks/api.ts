import type { Case } from '../basics/wire.ts';
import type { Tol } from '../compare/allclose.ts';
import type { Expected } from '../expected/source.ts';
import type { CaseOutcome } from '../sandbox/protocol.ts';
import { firstMismatch } from './against-reference.ts';
import { casesOf, runOptions, runStudent, type CheckContext, type Verdict } from './context.ts';
import { referenceRequest } from './reference-request.ts';

/**
 * How close an api check holds the values to the reference's (or a known variant's): loose, so
 * that any real attempt at the function — a correct one, or one with a mistake its value check
 * already marks down (a known variant, NaN at ±1000 from a naive formula) — keeps the built-in
 * rule's points, while a function that returns nothing, its input or zeros does not earn them:
 * 9 elements in 10 of each tensor within 2%.
 */
const ATTEMPT_TOLERANCE: Tol = { rtol: 2e-2, atol: 1e-3, offFraction: 0.1 };

/** Whether the student's outcomes are the reference's or some variant's, loosely; else the first mismatch, said. */
function notAnAttempt(expected: Expected, got: CaseOutcome[], cases: Case[]): string | undefined {
  const miss = firstMismatch(expected.reference, got, cases, ATTEMPT_TOLERANCE);
  if (!miss) return undefined;
  if (expected.variants.some((v) => !firstMismatch(v.outcomes, got, cases, ATTEMPT_TOLERANCE))) return undefined;
  return `case "${cases[miss.index]!.label}": ${miss.m.message}`;
}

/** Whether a used name falls under a forbidden one ("losses" forbids "losses.softmaxCrossEntropy"). */
function isUnder(used: string, forbidden: string): boolean {
  return used === forbidden || used.startsWith(`${forbidden}.`);
}

/**
 * Api checks: runs the student's function on the cases and looks at what actually ran. A
 * forbidden kernel counts whatever alias reached it; forbidden names count however they
 * were looked up (`tf.softmax`, `tf['soft' + 'max']`, `x.softmax()`).
 */
export async function apiCheck(ctx: CheckContext): Promise<Verdict> {
  const cases = casesOf(ctx);
  const student = await runStudent(ctx, 'call', cases);
  if ('verdict' in student) {
    const v = student.verdict;
    return v.message === 'not implemented yet' ? v : { passed: false, message: `could not be verified: ${v.message}` };
  }
  const forbiddenKernels = ctx.check.forbidden?.kernels ?? [];
  const forbiddenNames = ctx.check.forbidden?.names ?? [];
  const kernels = student.report.kernels.filter((k) => forbiddenKernels.includes(k));
  const names = student.report.names.filter((n) => forbiddenNames.some((f) => isUnder(n, f)));
  if (kernels.length === 0 && names.length === 0) {
    const need = referenceRequest(ctx.check);
    if (need.kind !== 'outcomes') throw new Error('grader: an api check needs reference outcomes');
    const expected = await ctx.expected.forCheck(need.check, cases, runOptions(ctx), need.withVariants);
    const off = notAnAttempt(expected, student.report.outcomes, cases);
    if (off) {
      const message = `${ctx.check.export} uses none of the forbidden built-ins, but does not compute the result yet (${off}; 9 in 10 of its values are held to 2% here): this rule's points go to a function that does the work without them`;
      return { passed: false, message, leaked: student.report.leaked };
    }
    return { passed: true, message: `${ctx.check.export} uses none of the forbidden built-ins`, leaked: student.report.leaked };
  }
  const parts: string[] = [];
  if (names.length > 0) parts.push(`uses ${names.map((n) => `tf.${n}`).join(', ')}`);
  if (kernels.length > 0) parts.push(`runs the built-in kernel${kernels.length > 1 ? 's' : ''} ${kernels.join(', ')}`);
  return { passed: false, message: `${ctx.check.export} ${parts.join(' and ')}: write it from the primitive ops instead (see the exercise README)`, leaked: student.report.leaked };
}
