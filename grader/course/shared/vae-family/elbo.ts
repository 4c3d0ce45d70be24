/**
 * Scoring of the VAE family's training checks, in the trusted parent: the task hands back the
 * grader's own per-test-image ELBO terms (log-likelihood and KL, β = 1, one z per image), and
 * the score is their mean difference in nats.
 */
import { isWireTensor, type Wire } from '../../../basics/wire.ts';
import type { Judge } from '../../../judges/types.ts';

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
 * Test ELBO ≥ the reference's own (same seed, same loop) less the check's margin, a fraction of
 * the reference's |ELBO| (the manifest's margins are fractions: 0.03 of ~128 nats is ~3.8 nats).
 * `pick` takes the scored run out of a task's value (default: the value itself).
 */
export function elboAtLeastReference(hint: string, pick: (v: Wire | undefined) => Wire | undefined = (v) => v): Judge {
  return ({ values, reference, check }) => {
    const got = elboScore(pick(values[0]), 'your model');
    const ref = elboScore(pick(reference?.[0]), 'the reference');
    const margin = (check.margin ?? 0) * Math.abs(ref.elbo);
    const threshold = ref.elbo - margin;
    const passed = got.elbo >= threshold;
    const message = `test ELBO ${nats(got.elbo)} nats ${passed ? '≥' : '<'} threshold ${nats(threshold)} (reference ${nats(ref.elbo)} − margin ${nats(margin)} = ${+(100 * (check.margin ?? 0)).toFixed(1)}% of it) over ${got.n} test images; `
      + `reconstruction log-likelihood ${nats(got.logLikelihood)}, KL ${nats(got.kl)} (reference ${nats(ref.logLikelihood)}, ${nats(ref.kl)})`;
    return { passed, message, hint: passed ? undefined : hint };
  };
}
