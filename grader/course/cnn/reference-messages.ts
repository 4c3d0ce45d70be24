/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'trains to the reference\'s accuracy on MNIST': /^test accuracy 9\d\.\d% ≥ threshold/,
};
