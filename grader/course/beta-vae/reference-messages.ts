/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'β = 1: test ELBO on binarised MNIST': /^test ELBO -1\d\d\.\d nats ≥ threshold/,
  'the KL term falls as β grows (β = 0.5, 1, 4)': /^the test KL falls as β grows \(β = 0\.5: KL \d+\.\d/,
};
