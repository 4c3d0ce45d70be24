import { isWireTensor, type Case, type Wire } from '../basics/wire.ts';
import type { CaseOutcome } from '../sandbox/protocol.ts';
import { referenceRequest } from './reference-request.ts';
import { casesOf, leakNote, runOptions, runStudent, type CheckContext, type Verdict } from './context.ts';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Fraction of held-out labels matched by the predicted class indices the sandbox sent back. */
export function accuracyOf(predictions: Wire, answers: Wire | undefined): number {
  if (!isWireTensor(answers)) throw new Error('grader: accuracy case has no held-out labels');
  if (!isWireTensor(predictions)) throw new TypeError('predictions must be a tensor of class indices');
  const p = predictions.$tensor.data;
  const y = answers.$tensor.data;
  if (p.length !== y.length) throw new TypeError(`expected ${y.length} predictions, got ${p.length}`);
  let right = 0;
  for (let i = 0; i < y.length; i++) if (p[i] === y[i]) right++;
  return right / y.length;
}

export function scoreOf(outcomes: CaseOutcome[], cases: Case[]): number {
  const o = outcomes[0];
  if (!o?.ok) throw new Error('no predictions');
  return accuracyOf(o.value, cases[0]!.answers);
}

/** How many held-out labels the accuracy is measured on. */
function testCount(cases: Case[]): number {
  const y = cases[0]?.answers;
  return isWireTensor(y) ? y.$tensor.data.length : 0;
}

/** The verdict's odds: the observed accuracy, the bar and where it comes from, and on how many test images. */
export function accuracyMessage(score: number, reference: number, margin: number, n: number): string {
  const threshold = reference - margin;
  return `test accuracy ${pct(score)} ${score >= threshold ? '≥' : '<'} threshold ${pct(threshold)} (reference ${pct(reference)} − margin ${pct(margin)}) over ${n.toLocaleString('en-US')} test images`;
}

/**
 * Accuracy checks: the sandbox trains with the student's code on the training split and
 * predicts the test inputs it gets without labels; the parent scores the predictions against
 * a threshold derived from the reference's own score (cached, never recomputed per student).
 */
export async function accuracyCheck(ctx: CheckContext): Promise<Verdict> {
  const cases = casesOf(ctx);
  const task = ctx.check.task!;
  const student = await runStudent(ctx, task, cases);
  if ('verdict' in student) return student.verdict;
  const need = referenceRequest(ctx.check);
  if (need.kind !== 'score') throw new Error('grader: an accuracy check needs the reference\'s score');
  const reference = await ctx.expected.referenceScore(need.check, cases, runOptions(ctx), (outcomes) => scoreOf(outcomes, cases));
  const threshold = reference - (ctx.check.margin ?? 0);
  let score: number;
  try {
    score = scoreOf(student.report.outcomes, cases);
  } catch (e) {
    return { passed: false, message: (e as Error).message, leaked: student.report.leaked };
  }
  const message = `${accuracyMessage(score, reference, ctx.check.margin ?? 0, testCount(cases))}, trained in ${(student.report.ms / 1000).toFixed(1)} s${leakNote(student.report)}`;
  return { passed: score >= threshold, message, leaked: student.report.leaked };
}
