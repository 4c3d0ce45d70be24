import type { Wire } from '../../basics/wire.ts';
import type { Judgement, JudgeTable } from '../../judges/types.ts';
import { elboAtLeastReference, elboScore, nats } from '../shared/vae-family/elbo.ts';

export const judges: JudgeTable = {
  /** buildVae's models trained at β = 1 by the grader: test ELBO ≥ reference − margin. */
  testElbo: elboAtLeastReference('the grader trained your buildVae models with its own ELBO: check that the decoder outputs logits (no sigmoid on the last layer), that the encoder\'s log σ² column block is linear (no ReLU: log σ² < 0 must be reachable), and that the hidden layers have a nonlinearity'),

  /** The mean test KL strictly falls from each β of the sweep to the next (β ascending). */
  klFallsWithBeta({ values }): Judgement {
    const v = values[0] as { betas?: Wire; runs?: Wire[] } | null;
    const betas = v?.betas as number[] | undefined;
    if (!Array.isArray(betas) || !Array.isArray(v?.runs) || v.runs.length !== betas.length) throw new TypeError('expected one training run per β');
    const scores = v.runs.map((r, i) => elboScore(r, `the run at β = ${betas[i]}`));
    const table = scores.map((s, i) => `β = ${betas[i]}: KL ${nats(s.kl)}, reconstruction ${nats(s.logLikelihood)}`).join('; ');
    const bad = scores.findIndex((s, i) => i > 0 && !(s.kl < scores[i - 1]!.kl));
    if (bad > 0) {
      return {
        passed: false,
        message: `the test KL does not fall as β grows: β = ${betas[bad - 1]} gives ${nats(scores[bad - 1]!.kl)} nats but β = ${betas[bad]} gives ${nats(scores[bad]!.kl)} (${table}; nats per image over ${scores[0]!.n} test images)`,
        hint: 'a larger β weighs the KL more, so training should trade reconstruction for a smaller KL; if it does not, check that the encoder\'s log σ² head is linear and that both halves of its output are used as μ and log σ²',
      };
    }
    return { passed: true, message: `the test KL falls as β grows (${table}), nats per image over ${scores[0]!.n} test images` };
  },
};
