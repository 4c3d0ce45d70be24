/**
 * A seed for the i-th initializer, different per layer and never 0 (tfjs reads 0 as "unseeded").
 * `salt` separates streams that must not coincide for the same run seed (the grader's own VAE
 * training uses another salt than the models students build).
 */
export function layerSeed(seed: number, i: number, salt = 0x9e3779b9): number {
  let h = Math.imul(seed ^ salt, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return ((h ^ (h >>> 15)) >>> 1) || 1; // in [1, 2³¹)
}
