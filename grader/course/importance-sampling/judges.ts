import { isWireTensor, type Wire } from '../../basics/wire.ts';
import type { Gaussian1d, IntegrandSpec, TargetSpec } from './models.ts';
import { chiSquareSurvival, normalCdf, studentTTwoSidedP } from '../shared/samplers/exact-stats.ts';
import { oddsNote } from '../../judges/stats.ts';
import { testCaption } from '../../images/caption.ts';
import type { HistogramChart } from '../../images/chart-types.ts';
import { normalHistogram } from '../../images/sampler-charts.ts';
import type { Judgement, JudgeTable } from '../../judges/types.ts';

function dataOf(v: Wire | undefined, what: string): Float32Array {
  if (!isWireTensor(v)) throw new TypeError(`${what} should be a tensor`);
  return v.$tensor.data as Float32Array;
}

/** Exact self-normalised estimate and ESS for given log p̃, log q and f values, in float64. */
export function exactFromWeights(logp: ArrayLike<number>, logq: ArrayLike<number>, fx: ArrayLike<number>): { estimate: number; ess: number } {
  const lw = Array.from(logp, (v, i) => v - logq[i]!);
  const m = Math.max(...lw);
  const w = lw.map((v) => Math.exp(v - m));
  const s = w.reduce((a, b) => a + b, 0);
  const s2 = w.reduce((a, b) => a + b * b, 0);
  return { estimate: w.reduce((a, wi, i) => a + wi * fx[i]!, 0) / s, ess: (s * s) / s2 };
}

const density = (g: Gaussian1d) => (x: number) => Math.exp(-0.5 * ((x - g.mean) / g.std) ** 2) / (g.std * Math.sqrt(2 * Math.PI));
const integrand = (f: IntegrandSpec) => (x: number) => (f.kind === 'x' ? x : f.kind === 'x2' ? x * x : x > f.c ? 1 : 0);

/** E_p[f] exactly, and by quadrature the O(1/n) bias −(1/n)·∫p²/q·(f − μ) and the asymptotic variance (1/n)·∫p²/q·(f − μ)². */
export function exactMoments(t: TargetSpec, q: Gaussian1d, f: IntegrandSpec, n: number): { mean: number; bias: number; sd: number } {
  const mean = f.kind === 'x' ? t.mean : f.kind === 'x2' ? t.mean ** 2 + t.std ** 2 : 1 - normalCdf((f.c - t.mean) / t.std);
  const p = density(t), qq = density(q), fn = integrand(f);
  const h = 1e-3;
  let b = 0, v = 0;
  for (let x = t.mean - 12 * t.std; x <= t.mean + 12 * t.std; x += h) {
    const r = (p(x) ** 2 / qq(x)) * h;
    b += r * (fn(x) - mean);
    v += r * (fn(x) - mean) ** 2;
  }
  return { mean, bias: -b / n, sd: Math.sqrt(v / n) };
}

const fmt = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : x.toFixed(4));

export const judges: JudgeTable = {
  /** Known weights: the estimate and the ESS must be the exact self-normalised values (rtol 1e-4). */
  exactWeights({ cases, values }): Judgement {
    for (let c = 0; c < cases.length; c++) {
      const [, lp, lq, fx] = cases[c]!.args;
      const label = cases[c]!.label;
      const want = exactFromWeights(dataOf(lp, 'logp'), dataOf(lq, 'logq'), dataOf(fx, 'f'));
      const got = values[c] as unknown as { estimate: number; ess: number };
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));
      if (!close(got.estimate, want.estimate)) {
        const n = dataOf(fx, 'f').length;
        const raw = Array.from(dataOf(fx, 'f'), (f, i) => Math.exp(dataOf(lp, 'logp')[i]! - dataOf(lq, 'logq')[i]!) * f).reduce((a, b) => a + b, 0) / n;
        const unnormalised = Number.isFinite(raw) && close(got.estimate, raw);
        return {
          passed: false,
          message: `${label}: estimate ${fmt(got.estimate)}, expected ${fmt(want.estimate)} (Σ wᵢ f(xᵢ) with wᵢ ∝ p̃(xᵢ)/q(xᵢ) normalised to sum to 1)`,
          hint: unnormalised
            ? 'your estimate matches (1/n)·Σ p̃(xᵢ)/q(xᵢ)·f(xᵢ), which is E_p[f] only when p̃ is normalised; with an unnormalised target divide by Σ p̃(xᵢ)/q(xᵢ) (self-normalised weights)'
            : !Number.isFinite(got.estimate) ? 'the log-weights are large: exponentiating them overflows; normalise in logs (subtract the max, or use tf.softmax on log p̃ − log q)' : undefined,
        };
      }
      if (!close(got.ess, want.ess)) {
        return { passed: false, message: `${label}: ess ${fmt(got.ess)}, expected (Σ wᵢ)²/Σ wᵢ² = ${fmt(want.ess)}`, hint: !Number.isFinite(got.ess) ? 'compute the ESS from normalised weights (1/Σ wᵢ², wᵢ summing to 1) so nothing overflows' : undefined };
      }
    }
    return { passed: true, message: `${cases.length} sets of known weights give the exact self-normalised estimate and ESS (rtol 1e-4)` };
  },

  /**
   * Over many seeds the estimates' mean error against the exact E_p[f] (minus the known O(1/n)
   * bias of the self-normalised estimator, by quadrature) must be consistent with 0: a
   * two-sided Student t test on the run-to-run spread; and that spread must be the one of n
   * draws: Σ(eᵢ − ē)²/σ², σ² the asymptotic variance (1/n)·∫p²/q·(f − μ)², against χ² on
   * r − 1 df, two-sided (an estimator on fewer draws than n spreads more, on more draws less).
   * The two tests share α/cases per case.
   */
  errorOverSeeds({ cases, values, alpha }): Judgement {
    const a = alpha / (2 * cases.length);
    const lines: string[] = [];
    let picture: HistogramChart | undefined;
    for (let c = 0; c < cases.length; c++) {
      const [tW, qW, fW, nW] = cases[c]!.args;
      const label = cases[c]!.label;
      const t = tW as unknown as TargetSpec;
      const n = nW as number;
      const exact = exactMoments(t, qW as unknown as Gaussian1d, fW as unknown as IntegrandSpec, n);
      const v = values[c] as Record<string, Wire>;
      const est = Array.from(dataOf(v.estimates, 'estimates'));
      const r = est.length;
      if (est.some((e) => !Number.isFinite(e))) return { passed: false, message: `${label}: an estimate was ${est.find((e) => !Number.isFinite(e))}`, hint: 'normalise the weights in logs (tf.softmax of log p̃ − log q) so that nothing overflows' };
      const err = est.map((e) => e - exact.mean - exact.bias);
      // No spread at all over different seeds: a t statistic means nothing; say what was seen.
      if (r > 1 && est.every((e) => e === est[0])) {
        return { passed: false, message: `${label}: all ${r} estimates, each with its own seed, are exactly ${fmt(est[0]!)}: the seed never reaches q.sample (README: "Draw the samples with \`q.sample(n, seed)\`")` };
      }
      const mean = err.reduce((x, y) => x + y, 0) / r;
      const sd = Math.sqrt(err.reduce((x, y) => x + (y - mean) ** 2, 0) / (r - 1));
      const rmse = Math.sqrt(est.reduce((x, e) => x + (e - exact.mean) ** 2, 0) / r);
      const tStat = sd > 0 ? mean / (sd / Math.sqrt(r)) : mean === 0 ? 0 : Infinity;
      const p = Number.isFinite(tStat) ? studentTTwoSidedP(tStat, r - 1) : 0;
      const avg = est.reduce((x, y) => x + y, 0) / r;
      const head = `${label}: mean of ${r} estimates ${fmt(avg)} vs exact ${fmt(exact.mean)} (RMSE ${fmt(rmse)}; a correct estimator's is about ${fmt(Math.hypot(exact.sd, exact.bias))}), t = ${tStat.toFixed(2)}, p = ${p.toPrecision(2)} ${oddsNote(`two-sided Student t test on ${r - 1} df`, r, 'seeds', a)}`;
      if (!picture || p < a) {
        // The estimates against the correct estimator's sampling distribution (normal, to O(1/n)): mean E_p[f] + bias, sd from quadrature.
        picture = normalHistogram({ name: 'importance-sampling-estimates', title: `importance sampling, ${label}: ${r} estimates, one per seed`, caption: testCaption('two-sided Student t test on the mean error', r, p, a), samples: est, mean: exact.mean + exact.bias, sd: Math.max(exact.sd, 1e-12), xLabel: 'estimate', samplesLabel: 'your estimates', curveLabel: 'a correct estimator (normal approx.)' });
        // An estimate far outside the correct spread (an unnormalised one) still shows: widen the range to hold every estimate.
        const lo = Math.min(...est, exact.mean + exact.bias - 4.5 * exact.sd);
        const hi = Math.max(...est, exact.mean + exact.bias + 4.5 * exact.sd);
        picture.range = [lo, hi > lo ? hi : lo + 1];
      }
      if (p < a) {
        const ratio = avg / exact.mean;
        const unnormalised = Math.abs(Math.log(Math.abs(ratio)) - t.logZ) < 0.2;
        return {
          passed: false,
          images: [picture],
          message: `${head}: a correct self-normalised estimator's mean error over ${r} seeds is this far from 0 with probability below ${a.toExponential(1)}`,
          hint: unnormalised
            ? `your estimates are about e^${t.logZ} = ${Math.exp(t.logZ).toFixed(2)} times the exact value, the normalising constant of p̃: divide by Σ p̃(xᵢ)/q(xᵢ), not by n (self-normalised weights)`
            : 'the weights are wᵢ ∝ p̃(xᵢ)/q(xᵢ) = exp(logPUnnorm(xᵢ) − q.logProb(xᵢ)), normalised to sum to 1; the estimate is Σ wᵢ f(xᵢ) over n draws of q (a fresh seed gives fresh draws)',
        };
      }
      // The spread: r − 1 times the sample variance over the exact one, χ² on r − 1 df if the estimates are normal (to O(1/n)).
      const chi = ((r - 1) * sd * sd) / (exact.sd * exact.sd);
      const upper = chiSquareSurvival(chi, r - 1);
      const pSpread = Math.min(1, 2 * Math.min(upper, 1 - upper));
      const spread = `spread sd ${fmt(sd)} vs a correct estimator's ${fmt(exact.sd)} with n = ${n} draws, p = ${pSpread.toPrecision(2)} ${oddsNote(`two-sided χ² test of the variance on ${r - 1} df`, r, 'seeds', a)}`;
      if (pSpread < a) {
        const draws = n * (exact.sd / sd) ** 2;
        return {
          passed: false,
          images: [picture],
          message: `${head}; ${spread}: a correct estimator's spread over ${r} seeds is this far from its exact value with probability below ${a.toExponential(1)}; your estimates spread like those of about ${Math.round(draws)} draws`,
          hint: `draw exactly n samples, q.sample(n, seed), and use every one of them in the estimate (your spread matches about ${Math.round(draws)} draws, not ${n})`,
        };
      }
      lines.push(`${head}; ${spread}`);
    }
    return { passed: true, message: `${lines.join('; ')}; p ≥ ${a.toExponential(1)} per test passes`, images: picture && [picture] };
  },
};
