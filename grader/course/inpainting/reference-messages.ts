/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'missing pixels: squared error against the true digits': /^mean squared error on the \d+ missing pixels 0\.\d{4} ≤ threshold/,
};
