import { casesOf, runStudent, type CheckContext, type Verdict } from './context.ts';

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
  const student = await runStudent(ctx, 'call', casesOf(ctx));
  if ('verdict' in student) {
    const v = student.verdict;
    return v.message === 'not implemented yet' ? v : { passed: false, message: `could not be verified: ${v.message}` };
  }
  const forbiddenKernels = ctx.check.forbidden?.kernels ?? [];
  const forbiddenNames = ctx.check.forbidden?.names ?? [];
  const kernels = student.report.kernels.filter((k) => forbiddenKernels.includes(k));
  const names = student.report.names.filter((n) => forbiddenNames.some((f) => isUnder(n, f)));
  if (kernels.length === 0 && names.length === 0) {
    return { passed: true, message: `${ctx.check.export} uses none of the forbidden built-ins`, leaked: student.report.leaked };
  }
  const parts: string[] = [];
  if (names.length > 0) parts.push(`uses ${names.map((n) => `tf.${n}`).join(', ')}`);
  if (kernels.length > 0) parts.push(`runs the built-in kernel${kernels.length > 1 ? 's' : ''} ${kernels.join(', ')}`);
  return { passed: false, message: `${ctx.check.export} ${parts.join(' and ')}: write it from the primitive ops instead (see the exercise README)`, leaked: student.report.leaked };
}
