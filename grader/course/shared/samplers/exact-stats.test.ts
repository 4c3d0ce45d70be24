import { describe, expect, it } from 'vitest';
import { Rng } from '../../../basics/rng.ts';
import { betaI, chiSquareSurvival, chiSquareTest, gammaQ, ksTest, kolmogorovSurvival, logGamma, normalCdf, studentTTwoSidedP } from './exact-stats.ts';

describe('exact-stats special functions against textbook values', () => {
  it('when logGamma is asked for Γ(5) = 24 and Γ(½) = √π then it agrees to 1e-12', () => {
    expect(Math.abs(logGamma(5) - Math.log(24))).toBeLessThan(1e-12);
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(1e-12);
  });

  it('when the chi-square table critical values are given then the survival is the tabled tail', () => {
    // Standard χ² table (e.g. Abramowitz & Stegun 26.2): (critical value, df, upper tail).
    const table: [number, number, number][] = [[3.841459, 1, 0.05], [6.634897, 1, 0.01], [18.307038, 10, 0.05], [11.344867, 3, 0.01], [124.342113, 100, 0.05], [10.827566, 1, 0.001]];
    for (const [x, df, p] of table) expect(Math.abs(chiSquareSurvival(x, df) / p - 1)).toBeLessThan(1e-5);
    expect(Math.abs(gammaQ(1, 2) - Math.exp(-2))).toBeLessThan(1e-14); // Q(1, x) = e^−x
  });

  it('when Student t critical values are given then the two-sided p is the tabled one', () => {
    const table: [number, number, number][] = [[2.228139, 10, 0.05], [12.706205, 1, 0.05], [2.660283, 60, 0.01], [1.959964, 1e7, 0.05]];
    for (const [t, df, p] of table) expect(Math.abs(studentTTwoSidedP(t, df) / p - 1)).toBeLessThan(1e-4);
    expect(Math.abs(betaI(0.3, 1, 1) - 0.3)).toBeLessThan(1e-14);
  });

  it('when the Kolmogorov distribution is read at its tabled quantiles then the tails match', () => {
    // Asymptotic critical values: 1.2238 (10%), 1.3581 (5%), 1.6276 (1%).
    expect(Math.abs(kolmogorovSurvival(1.2238) - 0.1)).toBeLessThan(2e-4);
    expect(Math.abs(kolmogorovSurvival(1.3581) - 0.05)).toBeLessThan(1e-4);
    expect(Math.abs(kolmogorovSurvival(1.6276) - 0.01)).toBeLessThan(1e-4);
    expect(Math.abs(normalCdf(1.959964) - 0.975)).toBeLessThan(2e-7);
  });

  it('when uniform samples are tested against the uniform CDF then KS p-values are roughly uniform; a shifted CDF is rejected', () => {
    const rng = new Rng('ks-uniform');
    const rand = () => rng.uniform();
    let small = 0;
    for (let r = 0; r < 200; r++) {
      const xs = Array.from({ length: 500 }, rand);
      if (ksTest(xs, (x) => Math.min(1, Math.max(0, x))).p < 0.05) small++;
    }
    expect(small).toBeGreaterThan(2); // Binomial(200, 0.05): mean 10
    expect(small).toBeLessThan(25);
    const xs = Array.from({ length: 2000 }, rand);
    expect(ksTest(xs, (x) => Math.min(1, Math.max(0, x - 0.05))).p).toBeLessThan(1e-6);
  });

  it('when a fair die is tested then chi-square pools nothing; sparse cells are pooled until they reach 5', () => {
    const fair = chiSquareTest([10, 10, 10, 10, 10, 10], Array(6).fill(1 / 6), String);
    expect(fair.stat).toBe(0);
    expect(fair.df).toBe(5);
    expect(fair.p).toBe(1);
    const sparse = chiSquareTest([50, 40, 3, 2, 5], [0.5, 0.4, 0.04, 0.03, 0.03], String);
    expect(sparse.merged).toBe(3);
    expect(sparse.df).toBe(2);
    const impossible = chiSquareTest([5, 5], [1, 0], String);
    expect(impossible.p).toBe(0);
  });
});
