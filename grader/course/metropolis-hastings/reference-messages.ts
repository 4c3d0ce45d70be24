/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'acceptance probability, one step from known states': /group 1 .*accepted \d+ of 4000 .*A = 0\.100, p = .*fails this check with probability 3\.3e-5/,
  'mixture of Gaussians and banana, symmetric and asymmetric proposals': /KS D = 0\.\d+ over 5000 chains, p = /,
};
