import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { genericJudges } from '../judges/generic.ts';
import type { JudgeTable } from '../judges/types.ts';
import { courseFiles } from '../course/files.ts';
import type { Wire } from '../basics/wire.ts';
import { referenceRequest } from './reference-request.ts';
import { casesOf, leakNote, LEAK_LIMIT, runOptions, runStudent, type CheckContext, type Verdict } from './context.ts';
import { taskOf } from '../manifest/check-defaults.ts';

/** The exercise's whole false-fail budget, split evenly over its distribution checks. */
export const FALSE_FAIL_BUDGET = 1e-4;

/** The exercise's judges (grader/course/<id>/judges.ts) over the generic behaviour judges. */
async function judgesOf(id: string): Promise<JudgeTable> {
  const file = courseFiles.judges(id);
  if (!fs.existsSync(file)) return genericJudges;
  return { ...genericJudges, ...((await import(pathToFileURL(file).href)) as { judges: JudgeTable }).judges };
}

export function alphaOf(ctx: CheckContext): number {
  const n = ctx.manifest.checks.filter((c) => c.kind === 'distribution').length;
  return ctx.check.kind === 'distribution' ? FALSE_FAIL_BUDGET / Math.max(1, n) : 0;
}

/**
 * Property and distribution checks: the sandbox runs the task (the student's code, raw values
 * back), and a judge in the parent decides from those values alone — an invariant, or a
 * statistical test against an exact target whose false-fail probability is stated.
 */
export async function judgedCheck(ctx: CheckContext): Promise<Verdict> {
  const name = ctx.check.judge;
  const judge = name ? (await judgesOf(ctx.manifest.id))[name] : undefined;
  if (!judge) throw new Error(`grader: exercise ${ctx.manifest.id} has no judge "${name}" in grader/course/${ctx.manifest.id}/judges.ts`);
  const cases = casesOf(ctx);
  const task = taskOf(ctx.check)!;
  const student = await runStudent(ctx, task, cases);
  if ('verdict' in student) return student.verdict;
  // The same bar as the value checks: a leak this large fails whatever the values say.
  if (student.report.leaked > LEAK_LIMIT) return { passed: false, message: `leaked ${student.report.leaked} tensors (more than ${LEAK_LIMIT}): dispose intermediates with tf.tidy`, leaked: student.report.leaked };
  const values = student.report.outcomes.map((o) => (o.ok ? o.value : null)) as Wire[];
  let reference: Wire[] | undefined;
  const need = referenceRequest(ctx.check);
  if (need.kind === 'outcomes') {
    const expected = await ctx.expected.forCheck(need.check, cases, runOptions(ctx), need.withVariants);
    reference = expected.reference.map((o) => (o.ok ? o.value : null)) as Wire[];
  }
  const alpha = alphaOf(ctx);
  let j;
  try {
    j = judge({ cases, values, reference, seed: ctx.seed, check: ctx.check, alpha, earlier: ctx.earlier ?? [] });
  } catch (e) {
    // A value of the wrong shape or type is the student's to fix: say what the judge could not read.
    return { passed: false, message: `could not judge the returned values: ${(e as Error).message}`, leaked: student.report.leaked };
  }
  const risk = ctx.check.kind === 'distribution' ? ` (a correct answer fails this check with probability ${alpha.toExponential(1)})` : '';
  return { passed: j.passed, message: `${j.message}${risk}${leakNote(student.report)}`, hint: j.hint, leaked: student.report.leaked, images: j.images };
}
