import { describe, expect, it } from 'vitest';
import { binomialTwoSidedP, erfc } from './stats.ts';

describe('statistics for judges', () => {
  it('when erfc is evaluated then it matches textbook values within 2e-7', () => {
    // Abramowitz & Stegun, table 7.1.
    for (const [x, v] of [[0, 1], [0.5, 0.4795001222], [1, 0.1572992071], [2, 0.0046777350], [3, 0.0000220905], [-1, 1.8427007929]] as const) {
      expect(Math.abs(erfc(x) - v)).toBeLessThan(2e-7);
    }
  });

  it('when k is at the mean then p = 1, and 4.42 standard deviations away p ≈ 1e-5', () => {
    expect(binomialTwoSidedP(5000, 10000, 0.5)).toBe(1);
    const k = 5000 + 0.5 + 4.4172 * 50;
    expect(binomialTwoSidedP(k, 10000, 0.5)).toBeCloseTo(1e-5, 6);
  });
});
