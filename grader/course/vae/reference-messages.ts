/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'VAE trained with your ELBO: test ELBO on binarised MNIST': /^test ELBO -1\d\d\.\d nats ≥ threshold/,
};
