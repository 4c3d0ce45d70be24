import { formatValue } from './plot-frame.ts';

/**
 * The caption line of a statistical check's picture: which test, on how many samples, its
 * p-value and the α it is held to, and the verdict that follows (p ≥ α passes).
 */
export function testCaption(test: string, n: number, p: number, alpha: number): string {
  const verdict = p >= alpha ? 'consistent with the exact distribution' : 'rejected: not the exact distribution';
  return `${test}: n = ${n.toLocaleString('en-US')}, p = ${formatValue(p)}, α = ${formatValue(alpha)} (${verdict})`;
}
