import type { Wire } from '../../basics/wire.ts';
import type { JudgeImage, Judgement, JudgeTable } from '../../judges/types.ts';
import { versusReferencePanels } from '../../images/versus-reference.ts';
import { elboAtLeastReference, elboScore, nats, type ElboScore } from '../shared/vae-family/elbo.ts';

/** One sweep's β values and the test ELBO terms of each run; undefined when the value is not a sweep. */
function sweepOf(v: Wire | undefined, who: string): { betas: number[]; scores: ElboScore[] } | undefined {
  const s = v as { betas?: Wire; runs?: Wire[] } | null | undefined;
  const betas = s?.betas as number[] | undefined;
  if (!Array.isArray(betas) || !betas.every((b) => typeof b === 'number') || !Array.isArray(s?.runs) || s.runs.length !== betas.length) return undefined;
  return { betas, scores: s.runs.map((r, i) => elboScore(r, `${who} at β = ${betas[i]}`)) };
}

/** The sweep's picture: the test KL against β (it must fall from each β to the next) above the reconstruction term, the reference's sweep beside it when the check has one. */
function sweepChart(mine: { betas: number[]; scores: ElboScore[] }, reference: Wire[] | undefined): JudgeImage | undefined {
  let theirs: ReturnType<typeof sweepOf>;
  try {
    theirs = sweepOf(reference?.[0], 'the reference');
  } catch {
    theirs = undefined; // The reference's sweep only ever adds a line to the picture.
  }
  const of = (s: typeof mine | undefined, pick: (e: ElboScore) => number) => s && { x: s.betas, y: s.scores.map(pick) };
  return versusReferencePanels({
    name: 'beta-vae-kl-sweep',
    title: 'β-VAE: the test KL and reconstruction against β',
    caption: `the mean test KL(q(z|x) ‖ p(z)) and reconstruction log-likelihood (nats per image over ${mine.scores[0]!.n} test images) of one training per β (same seed and budget); the check: the KL must fall strictly from each β to the next${theirs ? '' : ' (no reference sweep: this check is judged on its own)'}`,
    xLabel: 'β',
    studentLabel: 'your model',
    panels: [
      { yLabel: 'test KL (nats)', student: of(mine, (e) => e.kl), reference: of(theirs, (e) => e.kl) },
      { yLabel: 'reconstruction (nats)', student: of(mine, (e) => e.logLikelihood), reference: of(theirs, (e) => e.logLikelihood) },
    ],
  });
}

export const judges: JudgeTable = {
  /** buildVae's models trained at β = 1 by the grader: test ELBO ≥ reference − margin. */
  testElbo: elboAtLeastReference('the grader trained your buildVae models with its own ELBO: check that the decoder outputs logits (no sigmoid on the last layer), that the encoder\'s log σ² column block is linear (no ReLU: log σ² < 0 must be reachable), and that the hidden layers have a nonlinearity'),

  /** The mean test KL strictly falls from each β of the sweep to the next (β ascending). */
  klFallsWithBeta({ values, reference }): Judgement {
    const sweep = sweepOf(values[0], 'the run');
    if (!sweep) throw new TypeError('expected one training run per β');
    const { betas, scores } = sweep;
    const table = scores.map((s, i) => `β = ${betas[i]}: KL ${nats(s.kl)}, reconstruction ${nats(s.logLikelihood)}`).join('; ');
    const chart = sweepChart(sweep, reference);
    const images = chart && [chart];
    const bad = scores.findIndex((s, i) => i > 0 && !(s.kl < scores[i - 1]!.kl));
    if (bad > 0) {
      return {
        passed: false,
        images,
        message: `the test KL does not fall as β grows: β = ${betas[bad - 1]} gives ${nats(scores[bad - 1]!.kl)} nats but β = ${betas[bad]} gives ${nats(scores[bad]!.kl)} (${table}; nats per image over ${scores[0]!.n} test images)`,
        hint: 'a larger β weighs the KL more, so training should trade reconstruction for a smaller KL; if it does not, check that the encoder\'s log σ² head is linear and that both halves of its output are used as μ and log σ²',
      };
    }
    return { passed: true, images, message: `the test KL falls as β grows (${table}), nats per image over ${scores[0]!.n} test images` };
  },
};
