import { compareWire, type Mismatch, type Tol } from '../compare/allclose.ts';
import type { Case } from '../basics/wire.ts';
import type { CaseOutcome } from '../sandbox/protocol.ts';
import { casesOf, leakNote, LEAK_LIMIT, runOptions, runStudent, type CheckContext, type Verdict } from './context.ts';
import { referenceRequest } from './reference-request.ts';
import { toleranceFor } from './tolerance.ts';
import { trapOfGradientMismatch } from './tfjs-traps.ts';

/** The first case where `got` is not allclose to `expected` (or either has no value), else null. */
export function firstMismatch(expected: CaseOutcome[], got: CaseOutcome[], cases: Case[], tol: Tol): { index: number; m: Mismatch } | null {
  for (let i = 0; i < cases.length; i++) {
    const e = expected[i];
    const g = got[i];
    if (!e?.ok || !g?.ok) return { index: i, m: { path: '', message: 'no value to compare' } };
    const m = compareWire(e.value, g.value, tol);
    if (m) return { index: i, m };
  }
  return null;
}

/**
 * Output and gradient checks: the student's values on seeded cases against the reference's,
 * allclose per backend. On a mismatch, a known variant may still accept the answer
 * (correct-but-different) or explain it (a common mistake).
 */
export async function againstReference(ctx: CheckContext, task: string): Promise<Verdict> {
  const cases = casesOf(ctx);
  // The student first: a stub or a crash needs no reference result.
  const student = await runStudent(ctx, task, cases);
  if ('verdict' in student) return student.verdict;
  const need = referenceRequest(ctx.check);
  if (need.kind !== 'outcomes') throw new Error(`grader: a ${ctx.check.kind} check needs reference outcomes`);
  const expected = await ctx.expected.forCheck(need.check, cases, runOptions(ctx), need.withVariants);
  const got = student.report.outcomes;
  const leaked = student.report.leaked;
  const tol = toleranceFor(ctx.check.tolerance, ctx.backend);
  const leaks = leakNote(student.report);
  if (student.report.leaked > LEAK_LIMIT) return { passed: false, message: `leaked ${leaked} tensors (more than ${LEAK_LIMIT}): dispose intermediates with tf.tidy`, leaked };
  const what = `${cases.length} case${cases.length === 1 ? '' : 's'}`;
  const miss = firstMismatch(expected.reference, got, cases, tol);
  if (!miss) return { passed: true, message: `${what} match the reference (rtol ${tol.rtol.toExponential(0)}, atol ${tol.atol.toExponential(0)})${leaks}`, leaked };
  for (const v of expected.variants) {
    if (v.verdict === 'accepted' && !firstMismatch(v.outcomes, got, cases, tol)) {
      return { passed: true, message: `${what} match an accepted alternative (${v.hint})${leaks}`, leaked };
    }
  }
  const message = `case "${cases[miss.index]!.label}": ${miss.m.message}${leaks}`;
  const hint = hintOf(expected.variants.filter((v) => v.verdict === 'mistake' && !firstMismatch(v.outcomes, got, cases, tol)).map((v) => v.hint));
  if (hint) return { passed: false, message, hint, leaked };
  // No known mistake: a gradient wrong only where the input is exactly 0 is tfjs's subgradient choices meeting a kink.
  const e = expected.reference[miss.index];
  const g = got[miss.index];
  const trap = ctx.check.kind === 'gradient' && e?.ok && g?.ok ? trapOfGradientMismatch(e.value, g.value, cases[miss.index]!.args, tol, ctx.manifest.id) : null;
  return trap ? { passed: false, message: `${message} — ${trap.cause}`, hint: trap.hint, leaked } : { passed: false, message, leaked };
}

/**
 * The hint for the known mistakes a submission's outputs match on every case: none, that
 * mistake's, or — when different mistakes give the same outputs on this check — each of them,
 * said as possibilities (another check may tell them apart), never one picked at random.
 */
export function hintOf(matched: string[]): string | undefined {
  const hints = [...new Set(matched)];
  if (hints.length <= 1) return hints[0];
  return `Your output matches ${hints.length} known mistakes that give the same values here (the other checks may tell which): ${hints.map((h, i) => `(${i + 1}) ${h}`).join(' ')}`;
}
