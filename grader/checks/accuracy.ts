import { isWireTensor, type Case, type Wire } from '../basics/wire.ts';
import type { CaseOutcome } from '../sandbox/protocol.ts';
import { learningCurveChart, describeLossCurve, type TrainingCurves } from '../images/learning-curve.ts';
import type { Chart } from '../images/chart-types.ts';
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

/** A training task's predictions: the value itself, or its `predictions` when it also sent a learning curve. */
function predictionsOf(value: Wire): Wire {
  if (isWireTensor(value)) return value;
  const p = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Wire>).predictions : undefined;
  return p ?? value;
}

export function scoreOf(outcomes: CaseOutcome[], cases: Case[]): number {
  const o = outcomes[0];
  if (!o?.ok) throw new Error('no predictions');
  return accuracyOf(predictionsOf(o.value), cases[0]!.answers);
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
  // The score callback sees the reference's outcomes where there are any (the full grader: cached
  // or fresh; the student edition packs only the score): they carry the reference's learning curve.
  let referenceOutcomes: CaseOutcome[] | undefined;
  const reference = await ctx.expected.referenceScore(need.check, cases, runOptions(ctx), (outcomes) => {
    referenceOutcomes = outcomes;
    return scoreOf(outcomes, cases);
  });
  const threshold = reference - (ctx.check.margin ?? 0);
  let score: number;
  try {
    score = scoreOf(student.report.outcomes, cases);
  } catch (e) {
    return { passed: false, message: (e as Error).message, leaked: student.report.leaked };
  }
  const passed = score >= threshold;
  const message = `${accuracyMessage(score, reference, ctx.check.margin ?? 0, testCount(cases))}, trained in ${(student.report.ms / 1000).toFixed(1)} s${leakNote(student.report)}`;
  // The learning curves: the student's from this run, the reference's from its outcomes (none in
  // the student edition: there the picture has the student's curve alone).
  const mine = trainingCurvesOf(student.report.outcomes[0], cases);
  if (!mine) return { passed, message, leaked: student.report.leaked };
  const theirs = trainingCurvesOf(referenceOutcomes?.[0], cases);
  // The words read the student's curve alone: the student edition has no reference curve, and its messages must match.
  const words = passed ? undefined : describeLossCurve(mine);
  const images = [accuracyCurveChart(ctx.manifest.id, mine, theirs, threshold, testCount(cases))];
  return { passed, message: words ? `${message}; ${words}` : message, leaked: student.report.leaked, images };
}

/**
 * The learning curve a training task sent beside its predictions (`curve`: loss [E], and the
 * predicted classes of the first m test images after each epoch, [E, m]; or at the fractional
 * epochs `x` [E] when it recorded more often), scored here against
 * the held-out labels the parent keeps. Undefined when absent or malformed: it only draws a
 * picture, so a value that does not fit is dropped, never judged.
 */
export function trainingCurvesOf(outcome: CaseOutcome | undefined, cases: Case[]): TrainingCurves | undefined {
  if (!outcome?.ok || isWireTensor(outcome.value)) return undefined;
  const v = outcome.value;
  const curve = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Wire>).curve : undefined;
  const c = curve !== null && typeof curve === 'object' && !Array.isArray(curve) && !isWireTensor(curve) ? (curve as Record<string, Wire>) : undefined;
  const y = cases[0]?.answers;
  if (!c || !isWireTensor(c.loss) || !isWireTensor(c.heldOut) || !isWireTensor(y)) return undefined;
  const [epochs, m] = c.heldOut.$tensor.shape as [number, number];
  const loss = Array.from(c.loss.$tensor.data, Number);
  if (c.heldOut.$tensor.shape.length !== 2 || loss.length !== epochs || !(epochs >= 1 && epochs <= 10_000) || !(m >= 1 && m <= y.$tensor.data.length)) return undefined;
  const p = c.heldOut.$tensor.data;
  const acc = Array.from({ length: epochs }, (_, e) => {
    let right = 0;
    for (let i = 0; i < m; i++) if (p[e * m + i] === y.$tensor.data[i]) right++;
    return right / m;
  });
  // Where each point was taken (fractional epochs, increasing), when the task recorded more often than once an epoch.
  const at = isWireTensor(c.x) && c.x.$tensor.data.length === epochs ? Array.from(c.x.$tensor.data, Number) : undefined;
  if (c.x !== undefined && !(at && at.every((v, i) => Number.isFinite(v) && v > 0 && v <= 10_000 && (i === 0 || v > at[i - 1]!)))) return undefined;
  const x = at ?? loss.map((_, e) => e + 1);
  return { unit: 'epoch', loss: { x, y: loss }, heldOut: { x, y: acc }, heldOutCount: m };
}

/** The check's picture: training loss and held-out accuracy per epoch, the student's over the reference's, the bar. */
function accuracyCurveChart(id: string, mine: TrainingCurves, theirs: TrainingCurves | undefined, threshold: number, n: number): Chart {
  const perEpoch = (mine.loss?.x ?? []).every(Number.isInteger);
  const when = perEpoch ? 'of each epoch' : 'of the minibatches since the previous point';
  return learningCurveChart({
    name: `${id}-learning-curve`,
    title: `${id}: your training against the reference's (same seed and budget)`,
    caption: `loss: the mean training loss ${when}; accuracy: on the first ${mine.heldOutCount ?? 0} test images ${perEpoch ? 'after each epoch' : 'at each point'}. The bar, ${pct(threshold)}, applies to the final accuracy on all ${n.toLocaleString('en-US')} test images.${theirs ? '' : ' (No reference curve: the student edition keeps only its score.)'}`,
    student: mine,
    reference: theirs,
    heldOut: { label: 'test accuracy', higherIsBetter: true, bar: threshold, barLabel: `bar ${pct(threshold)}` },
  });
}
