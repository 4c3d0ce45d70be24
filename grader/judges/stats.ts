/** Small exact-enough statistics for judges, in float64 plain JS. */

/** Complementary error function, |error| < 1.2e-7 everywhere (Numerical Recipes' erfcc, Chebyshev fit). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * Two-sided p-value of k successes in n Bernoulli(p) trials, by the normal approximation with
 * continuity correction (accurate when n·p·(1−p) is in the hundreds or more).
 */
export function binomialTwoSidedP(k: number, n: number, p: number): number {
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  const z = Math.max(0, Math.abs(k - mean) - 0.5) / sd;
  return Math.min(1, erfc(z / Math.SQRT2));
}

/**
 * The odds of a statistical verdict, appended after the p-value it qualifies: which test, on
 * how many draws, and the α it is held to (p ≥ α passes, so a correct answer fails with
 * probability α), e.g. "(χ² test, n = 2,000 chains, α = 2.5e-5)". Every distribution judge
 * states these (grader/judges/odds.test.ts).
 */
export function oddsNote(test: string, n: number, unit: string, alpha: number): string {
  return `(${test}, n = ${n.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}, α = ${alpha.toExponential(1)})`;
}
