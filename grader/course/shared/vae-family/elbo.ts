/**
 * Scoring of the VAE family's training checks, in the trusted parent: the task hands back the
 * grader's own per-test-image ELBO terms (log-likelihood and KL, β = 1, one z per image), and
 * the score is their mean difference in nats.
 */
import { isWireTensor, type Wire } from '../../../basics/wire.ts';
import { describeLossCurve, learningCurveChart, stepsOfLoggedLoss, type TrainingCurves } from '../../../images/learning-curve.ts';
import { failedFormulaChecks, formulasProven } from '../../../judges/earlier.ts';
import type { Judge, JudgeInput } from '../../../judges/types.ts';

export interface ElboScore {
  /** Mean over the test images of log p(x | z) − KL(q(z | x) ‖ p(z)), nats. */
  elbo: number;
  logLikelihood: number;
  kl: number;
  n: number;
}

function meanOf(v: Wire | undefined, what: string): { mean: number; n: number } {
  if (!isWireTensor(v) || v.$tensor.shape.length !== 1) throw new TypeError(`${what}: expected one value per test image`);
  const d = v.$tensor.data;
  let s = 0;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i]!)) throw new TypeError(`${what} is ${d[i]} for test image ${i}: the trained model gives NaN or Inf (the training diverged)`);
    s += d[i]!;
  }
  return { mean: s / d.length, n: d.length };
}

/** The test ELBO of one training run's value ({logLikelihood [M], kl [M], …}). */
export function elboScore(v: Wire | undefined, who: string): ElboScore {
  const r = v as Record<string, Wire> | null | undefined;
  const ll = meanOf(r?.logLikelihood, `${who}: the log-likelihood`);
  const kl = meanOf(r?.kl, `${who}: the KL term`);
  return { elbo: ll.mean - kl.mean, logLikelihood: ll.mean, kl: kl.mean, n: ll.n };
}

export const nats = (x: number): string => x.toFixed(1);

/**
 * What a failed training check says, given the checks that ran before it: `formulas` is the
 * hint while the student's own formulas may be at fault; `proven` (when given) replaces it once
 * every visible value and gradient check passed, so the hint never blames what is proven right.
 */
export interface ElboHints {
  formulas: string;
  proven?: string;
}

function chooseHint(hints: string | ElboHints, earlier: JudgeInput['earlier']): string {
  if (typeof hints === 'string') return hints;
  const failed = failedFormulaChecks(earlier);
  if (failed.length > 0) return `fix the checks that failed first (${failed.join('; ')}): this VAE is trained with your functions. ${hints.formulas}`;
  return hints.proven && formulasProven(earlier) ? hints.proven : hints.formulas;
}

/**
 * Test ELBO ≥ the reference's own (same seed, same loop) less the check's margin, a fraction of
 * the reference's |ELBO| (the manifest's margins are fractions: 0.03 of ~128 nats is ~3.8 nats).
 * `pick` takes the scored run out of a task's value (default: the value itself).
 */
export function elboAtLeastReference(hints: string | ElboHints, pick: (v: Wire | undefined) => Wire | undefined = (v) => v): Judge {
  return ({ values, reference, check, earlier }) => {
    const hint = chooseHint(hints, earlier);
    const got = elboScore(pick(values[0]), 'your model');
    const ref = elboScore(pick(reference?.[0]), 'the reference');
    const margin = (check.margin ?? 0) * Math.abs(ref.elbo);
    const threshold = ref.elbo - margin;
    const passed = got.elbo >= threshold;
    const message = `test ELBO ${nats(got.elbo)} nats ${passed ? '≥' : '<'} threshold ${nats(threshold)} (reference ${nats(ref.elbo)} − margin ${nats(margin)} = ${+(100 * (check.margin ?? 0)).toFixed(1)}% of it) over ${got.n} test images; `
      + `reconstruction log-likelihood ${nats(got.logLikelihood)}, KL ${nats(got.kl)} (reference ${nats(ref.logLikelihood)}, ${nats(ref.kl)})`;
    // The picture (and, on failure, the curve in words): the training −ELBO the task logged every 100 steps.
    const steps = Number(check.budget?.steps ?? 0);
    const mine = lossCurve(pick(values[0]), steps);
    if (!mine) return { passed, message, hint: passed ? undefined : hint };
    const theirs = lossCurve(pick(reference?.[0]), steps);
    const words = passed ? undefined : describeLossCurve(mine, theirs);
    const images = [learningCurveChart({
      name: `${check.name.split(/[^A-Za-z0-9]+/).filter(Boolean).slice(0, 3).join('-').toLowerCase() || 'vae'}-learning-curve`,
      title: 'training −ELBO (nats) per step, yours against the reference\'s (same seed and budget)',
      caption: `test ELBO ${nats(got.elbo)} nats against the bar ${nats(threshold)}; as −ELBO the bar is ${nats(-threshold)}, the red line (it applies to the test images, the curves are the training batches' −ELBO)`,
      student: mine,
      reference: theirs,
      lossLabel: '−ELBO (nats)',
      lossBar: { y: -threshold, label: `bar: test −ELBO ≤ ${nats(-threshold)}` },
    })];
    return { passed, message: words ? `${message}; ${words}` : message, hint: passed ? undefined : hint, images };
  };
}

/** The training loss a VAE task logged (−ELBO every 100 steps, and the last step); undefined when absent. */
function lossCurve(v: Wire | undefined, steps: number): TrainingCurves | undefined {
  const t = (v as Record<string, Wire> | null | undefined)?.loss;
  if (!isWireTensor(t) || t.$tensor.shape.length !== 1 || t.$tensor.data.length < 1) return undefined;
  const y = Array.from(t.$tensor.data, Number);
  return { unit: 'step', loss: { x: stepsOfLoggedLoss(y.length, steps), y } };
}
