/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'training on bars and stripes: exact log-likelihood': /exact log-likelihood -\d\.\d+ nats per pattern ≥ threshold -\d\.\d+ \(reference .* − 0\.6; untrained -6\.\d+; the best possible is log\(1\/14\) = -2\.639\)/,
  'block Gibbs samples the exact joint': /χ² = .* over the 128 joint states, p = .*fails this check with probability 5\.0e-5/,
};
