/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'stored patterns recovered from 10% corruption': /20 of 20 probes/,
};
