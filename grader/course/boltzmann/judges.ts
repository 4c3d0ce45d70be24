import { isWireTensor } from '../../basics/wire.ts';
import { afterSweeps, boltzmannDistribution, stateIndex, stateName, totalVariation } from './exact.ts';
import { chiSquareTest, describeCells } from '../shared/samplers/exact-stats.ts';
import { oddsNote } from '../../judges/stats.ts';
import { testCaption } from '../../images/caption.ts';
import { stateChart } from '../../images/sampler-charts.ts';
import type { JudgeImage, Judgement, JudgeTable } from '../../judges/types.ts';

function dataOf(v: unknown, what: string): { shape: number[]; data: ArrayLike<number> } {
  if (!isWireTensor(v as never)) throw new TypeError(`${what} should be a tensor`);
  return (v as { $tensor: { shape: number[]; data: ArrayLike<number> } }).$tensor;
}

export const judges: JudgeTable = {
  /**
   * Chi-square of the final states of independent chains (one sample per chain, so no
   * autocorrelation) against the EXACT distribution after that many sweeps, computed by
   * enumerating all 2ⁿ states: init distribution (uniform, or the one start state) times the
   * exact systematic-scan kernel. Sparse states are pooled so every expected count is ≥ 5.
   */
  stateCounts({ cases, values, alpha }): Judgement {
    const lines: string[] = [];
    const failures: string[] = [];
    let oneUpdateSeen = false;
    const a = alpha / cases.length;
    // One picture: the first case that failed, else the first case.
    let picture: JudgeImage | undefined;
    for (let c = 0; c < cases.length; c++) {
      const label = cases[c]!.label;
      const [x0w, ww, bw, sweepsW] = cases[c]!.args;
      const x0 = dataOf(x0w, 'x0');
      const [chains, n] = x0.shape as [number, number];
      const w = dataOf(ww, 'w').data;
      const bias = dataOf(bw, 'bias').data;
      const sweeps = sweepsW as number;
      const x = dataOf(values[c], `the states after gibbsSweep for ${label}`);
      if (x.shape.join(',') !== `${chains},${n}`) return { passed: false, message: `${label}: gibbsSweep returned shape [${x.shape}], expected [${chains}, ${n}] like x` };
      const counts = new Float64Array(1 << n);
      for (let r = 0; r < chains; r++) {
        const s = stateIndex(x.data, r, n);
        if (s < 0) return { passed: false, message: `${label}: chain ${r} holds ${Array.from({ length: n }, (_, i) => x.data[r * n + i]).join(', ')}; every unit must stay −1 or +1`, hint: 'draw xᵢ = +1 with probability σ(2((Wx)ᵢ + biasᵢ)) and −1 otherwise (for example 2·(u < p) − 1)' };
        counts[s]++;
      }
      const p0 = new Float64Array(1 << n);
      const first = stateIndex(x0.data, 0, n);
      const oneStart = Array.from({ length: chains }, (_, r) => stateIndex(x0.data, r, n)).every((s) => s === first);
      if (oneStart) p0[first] = 1;
      else p0.fill(1 / (1 << n));
      const target = afterSweeps(p0, w, bias, n, sweeps);
      const stationary = boltzmannDistribution(w, bias, n);
      const r = chiSquareTest(counts, target, (i) => stateName(i, n));
      const ok = r.p >= a;
      if (!picture || (!ok && failures.length === 0)) {
        picture = stateChart({ name: 'boltzmann-states', title: `boltzmann, ${label}`, caption: testCaption('χ² test', chains, r.p, a), counts, exact: target, stateName: (i) => stateName(i, n).replace(/^state /, '') });
      }
      const tv = totalVariation(target, stationary);
      const head = `${label}: χ² = ${r.stat.toFixed(1)} on ${r.df} df, p = ${r.p.toPrecision(2)} ${oddsNote('χ² test', chains, 'chains', a)}`;
      if (!ok) {
        // States differ from the start only in as many units as there were sweeps: one update per sweep.
        const moved = Array.from(counts).reduce((m, k, st) => (k > 0 ? m | (st ^ first) : m), 0);
        if (oneStart && sweeps < n && moved.toString(2).split('').filter((bit) => bit === '1').length <= sweeps) oneUpdateSeen = true;
        failures.push(`${head}: a correct sampler gives counts this far from the exact distribution after ${sweeps} sweeps (over all ${1 << n} states) with probability below ${a.toExponential(1)}. ${describeCells(r.worst)}`);
        continue;
      }
      lines.push(`${head}${oneStart ? '' : ` (exact target ${tv.toExponential(1)} in total variation from the Boltzmann distribution)`}`);
    }
    if (failures.length > 0) {
      return {
        passed: false,
        images: picture && [picture],
        message: failures.join(' | '),
        hint: oneUpdateSeen
          ? 'after a few sweeps most units never changed from their start: one sweep must resample EVERY unit (all n of them, in order 0 … n−1), not one'
          : 'resample each unit in turn from p(xᵢ = +1 | rest) = σ(2·((Wx)ᵢ + biasᵢ)) using the current x (units already updated in this sweep included); note the factor 2 (xᵢ flips between −1 and +1) and pass a different seed to each random draw',
      };
    }
    return { passed: true, message: `${lines.join('; ')}; p ≥ ${a.toExponential(1)} per case passes`, images: picture && [picture] };
  },
};
