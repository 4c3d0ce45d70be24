import { isWireTensor, type WireTensor } from '../../basics/wire.ts';
import { sameSeedJudge } from '../shared/seeded-draws/judge.ts';
import { erfc, oddsNote } from '../../judges/stats.ts';
import type { Judgement, JudgeTable } from '../../judges/types.ts';

const twoSided = (z: number) => Math.min(1, erfc(Math.abs(z) / Math.SQRT2));

export const judges: JudgeTable = {
  /**
   * noise = y − x must look like n iid N(0, std²) draws: the mean by a z-test (sd std/√n),
   * the spread by Σe²/std² ~ χ²ₙ ≈ N(n, 2n). Two tests per case share α evenly.
   */
  noiseStatistics({ cases, values, alpha }): Judgement {
    const per = alpha / (2 * cases.length);
    const lines: string[] = [];
    for (let i = 0; i < cases.length; i++) {
      const [x, std] = cases[i]!.args as [WireTensor, number];
      const y = values[i];
      if (!isWireTensor(y) || y.$tensor.data.length !== x.$tensor.data.length) return { passed: false, message: `${cases[i]!.label}: expected a tensor shaped like x, [${x.$tensor.shape.join(', ')}]` };
      const n = y.$tensor.data.length;
      let sum = 0;
      let sumSq = 0;
      for (let j = 0; j < n; j++) {
        const e = y.$tensor.data[j]! - x.$tensor.data[j]!;
        sum += e;
        sumSq += e * e;
      }
      const mean = sum / n;
      const pMean = twoSided(mean / (std / Math.sqrt(n)));
      const pSpread = twoSided((sumSq / (std * std) - n) / Math.sqrt(2 * n));
      const sd = Math.sqrt(sumSq / n);
      lines.push(`${cases[i]!.label}: noise mean ${mean.toPrecision(3)}, p = ${pMean.toPrecision(2)} ${oddsNote('two-sided z test of the mean', n, 'draws', per)}; std ${sd.toPrecision(4)} for ${std} asked, p = ${pSpread.toPrecision(2)} ${oddsNote('χ² test of Σe²/std², normal approximation', n, 'draws', per)}`);
      if (pMean < per || pSpread < per) {
        const hint = Math.abs(sd - std * std) < 0.05 * std * std ? 'the noise has standard deviation std²: tf.randomNormal takes the standard deviation, not the variance' : Math.abs(sd - Math.sqrt(std)) < 0.05 * Math.sqrt(std) ? 'the noise has standard deviation √std: pass std itself as the standard deviation' : undefined;
        return { passed: false, message: `${lines.join('; ')} — not N(0, ${std}²) noise`, hint };
      }
    }
    return { passed: true, message: `${lines.join('; ')}; p ≥ α passes` };
  },

  /** The same seed gives the same noise, another seed other noise. */
  sameSeedSameNoise: sameSeedJudge('noise', 'pass the seed to tf.randomNormal'),
};
