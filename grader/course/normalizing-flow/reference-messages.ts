/** What the reference's results say on these checks (graded once per run by test/catalog/reference-and-stub.test.ts). */
export const referenceMessages: Record<string, RegExp> = {
  'RealNVP on two moons: held-out NLL': /^held-out NLL \d+\.\d+ nats ≤ threshold/,
};
