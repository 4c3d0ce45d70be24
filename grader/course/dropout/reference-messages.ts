/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  // Two distribution checks share the exercise's α = 1e-4.
  'kept fraction and rescaling': /rate 0\.2: kept \d+ of 20000 units \(\d+\.\d%; expected 80\.0%\), p = .*fails this check with probability 5\.0e-5/,
  'units dropped independently': /the 80 rows of ones \[80, 120\] at rate 0\.5: .*, p = .*; 400 calls on 10 units at rate 0\.3: χ² = .*fails this check with probability 5\.0e-5/,
};
