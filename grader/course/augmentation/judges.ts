import { isWireTensor, type WireTensor } from '../../basics/wire.ts';
import { sameSeedJudge } from '../shared/seeded-draws/judge.ts';
import { erfc, oddsNote } from '../../judges/stats.ts';
import { ksTest, normalCdf } from '../shared/samplers/exact-stats.ts';
import { testCaption } from '../../images/caption.ts';
import type { HistogramChart } from '../../images/chart-types.ts';
import { normalHistogram } from '../../images/sampler-charts.ts';
import type { Judgement, JudgeTable } from '../../judges/types.ts';

const twoSided = (z: number) => Math.min(1, erfc(Math.abs(z) / Math.SQRT2));

/** One case's noise y − x as a histogram over the exact N(0, std²) density, captioned with the smallest p of its three tests. */
function noisePicture(label: string, noise: Float32Array, std: number, tests: { test: string; p: number }[], alpha: number): HistogramChart {
  const worst = tests.reduce((a, t) => (t.p < a.p ? t : a), tests[0]!);
  return normalHistogram({
    name: 'augmentation-noise',
    title: `augmentation, ${label}: the noise y − x`,
    caption: `${testCaption(worst.test, noise.length, worst.p, alpha)}; the smallest p of the mean's z test, the spread's χ² test and the shape's Kolmogorov–Smirnov test`,
    samples: noise,
    mean: 0,
    sd: std,
    xLabel: 'y − x',
    samplesLabel: 'your noise',
    curveLabel: `exact N(0, ${std}²)`,
  });
}

export const judges: JudgeTable = {
  /**
   * noise = y − x must look like n iid N(0, std²) draws: the mean by a z-test (sd std/√n),
   * the spread by Σe²/std² ~ χ²ₙ ≈ N(n, 2n), the shape by Kolmogorov–Smirnov against the
   * N(0, std²) CDF (uniform noise scaled to the right variance passes the first two, not this).
   * Three tests per case share α evenly.
   */
  noiseStatistics({ cases, values, alpha }): Judgement {
    const per = alpha / (3 * cases.length);
    const lines: string[] = [];
    let picture: HistogramChart | undefined;
    for (let i = 0; i < cases.length; i++) {
      const [x, std] = cases[i]!.args as [WireTensor, number];
      const y = values[i];
      if (!isWireTensor(y) || y.$tensor.data.length !== x.$tensor.data.length) return { passed: false, message: `${cases[i]!.label}: expected a tensor shaped like x, [${x.$tensor.shape.join(', ')}]` };
      const n = y.$tensor.data.length;
      let sum = 0;
      let sumSq = 0;
      const noise = new Float32Array(n);
      for (let j = 0; j < n; j++) {
        const e = y.$tensor.data[j]! - x.$tensor.data[j]!;
        noise[j] = e;
        sum += e;
        sumSq += e * e;
      }
      const mean = sum / n;
      const pMean = twoSided(mean / (std / Math.sqrt(n)));
      const pSpread = twoSided((sumSq / (std * std) - n) / Math.sqrt(2 * n));
      const sd = Math.sqrt(sumSq / n);
      const ks = ksTest(noise, (e) => normalCdf(e / std));
      lines.push(`${cases[i]!.label}: noise mean ${mean.toPrecision(3)}, p = ${pMean.toPrecision(2)} ${oddsNote('two-sided z test of the mean', n, 'draws', per)}; std ${sd.toPrecision(4)} for ${std} asked, p = ${pSpread.toPrecision(2)} ${oddsNote('χ² test of Σe²/std², normal approximation', n, 'draws', per)}; shape KS D = ${ks.d.toFixed(4)}, p = ${ks.p.toPrecision(2)} ${oddsNote('Kolmogorov–Smirnov test against the normal CDF of sd std', n, 'draws', per)}`);
      const failed = pMean < per || pSpread < per;
      // The first case's picture, or the failing case's.
      if (i === 0 || failed || ks.p < per) picture = noisePicture(cases[i]!.label, noise, std, [{ test: 'z test of the mean', p: pMean }, { test: 'χ² test of the spread', p: pSpread }, { test: 'Kolmogorov–Smirnov test of the shape', p: ks.p }], per);
      if (failed) {
        const hint = Math.abs(sd - std * std) < 0.05 * std * std ? 'the noise has standard deviation std²: tf.randomNormal takes the standard deviation, not the variance' : Math.abs(sd - Math.sqrt(std)) < 0.05 * Math.sqrt(std) ? 'the noise has standard deviation √std: pass std itself as the standard deviation' : undefined;
        return { passed: false, message: `${lines.join('; ')} — not N(0, ${std}²) noise`, hint, images: picture && [picture] };
      }
      if (ks.p < per) {
        return {
          passed: false,
          message: `${lines.join('; ')} — the right mean and spread, but not the shape of N(0, ${std}²) noise: the largest gap between the CDFs is at ${ks.at.toPrecision(3)} (${ks.sampleAbove ? 'too many' : 'too few'} values below it)`,
          hint: 'the noise must be Gaussian: draw it with tf.randomNormal (mean 0, standard deviation std), not with tf.randomUniform or another distribution of the same variance',
          images: picture && [picture],
        };
      }
    }
    return { passed: true, message: `${lines.join('; ')}; p ≥ α passes`, images: picture && [picture] };
  },

  /** The same seed gives the same noise, another seed other noise. */
  sameSeedSameNoise: sameSeedJudge('noise', 'pass the seed to tf.randomNormal'),
};
