/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'test ELBO given the labels, binarised MNIST': /^test ELBO -1\d\d\.\d nats ≥ threshold/,
  'samples for label y are classified as y': /^\d+\.\d% of 500 samples are classified as the label they were generated for ≥ threshold/,
};
