/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'kept fraction and rescaling': /rate 0\.2: kept \d+ of 20000 units \(\d+\.\d%; expected 80\.0%\), p = .*fails this check with probability 1\.0e-4/,
};
