/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'error over 200 seeds against the exact expectation': /mean of 200 estimates .* vs exact 1\.0000 .*t = -?[\d.]+, p = .*fails this check with probability 1\.0e-4/,
};
