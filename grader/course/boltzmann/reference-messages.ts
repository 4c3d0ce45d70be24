/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'Gibbs sweeps sample the exact distribution': /χ² = [\d.]+ on \d+ df, p = .*fails this check with probability 1\.0e-4/,
};
