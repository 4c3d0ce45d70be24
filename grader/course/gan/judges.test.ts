import { describe, expect, it } from 'vitest';
import { gaussianRing, loadMnist, ringCenters } from '../../../datasets/index.ts';
import { Rng } from '../../basics/rng.ts';
import { tensor } from '../../basics/wire.ts';
import { CLASS_SHARE, digitScores, judges, MIN_CLASSES, MIN_HIGH_QUALITY, MIN_MODES, ringScores } from './judges.ts';
import type { CheckSpec } from '../../manifest/types.ts';

const check = { name: 'ring', kind: 'property', points: 1, margin: 0.15 } as CheckSpec;
const wire = (x: Float32Array) => ({ samples: tensor([x.length / 2, 2], x) });

describe('ringScores', () => {
  it('when the points are the data itself then every mode is covered and ~99.7% are within 3σ', () => {
    const s = ringScores(gaussianRing(4000, { std: 0.05 }, 7).x);
    expect(s.modesCovered).toBe(8);
    expect(s.highQuality).toBeGreaterThan(0.98); // P(|N(0, I₂)| ≤ 3) = 1 − e^{−4.5} ≈ 0.989 in 2-D
  });

  it('when every point sits on one centre then one mode is covered, all high-quality', () => {
    const c = ringCenters(8, 2);
    const x = new Float32Array(2000).map((_, i) => c[i % 2]!);
    const s = ringScores(x);
    expect(s.modesCovered).toBe(1);
    expect(s.highQuality).toBe(1);
  });

  it('when the points are spread over the plane then few are high-quality', () => {
    let u = 1;
    const x = new Float32Array(4000).map(() => ((u = (u * 48271) % 2147483647) / 2147483647) * 6 - 3);
    expect(ringScores(x).highQuality).toBeLessThan(0.1);
  });
});

describe('ringCoverage judge', () => {
  it('when the student collapses onto one mode then it fails with the collapse hint, against a good reference', () => {
    const c = ringCenters(8, 2);
    const collapsed = new Float32Array(2000).map((_, i) => c[i % 2]!);
    const j = judges.ringCoverage!({ cases: [], values: [wire(collapsed)], reference: [wire(gaussianRing(1000, { std: 0.05 }, 3).x)], seed: 1, check, alpha: 0 });
    expect(j.passed).toBe(false);
    expect(j.message).toMatch(/^modes covered 1 of 8/);
    expect(j.hint).toMatch(/collapsed/);
  });

  it('when the losses passed their value and gradient checks then a failed ring points at buildGan against the reference shape, not at the sign', () => {
    const c = ringCenters(8, 2);
    const two = new Float32Array(2000).map((_, i) => c[i % 4]!); // modes 0 and 1 only
    // 3 modes of 60 points each (covered: ≥ 50), the other 1,820 at the origin: 9% high-quality.
    const thin = new Float32Array(4000).map((_, i) => (i < 360 ? c[(Math.floor(i / 120) * 2) + (i % 2)]! : 0));
    const reference = [wire(gaussianRing(1000, { std: 0.05 }, 3).x)];
    const proven = [
      { name: 'discriminator loss values', kind: 'output', passed: true },
      { name: 'generator loss gradient w.r.t. the logits', kind: 'gradient', passed: true },
    ] as const;
    for (const points of [two, thin]) {
      const j = judges.ringCoverage!({ cases: [], values: [wire(points)], reference, seed: 1, check, alpha: 0, earlier: proven });
      expect(j.passed, j.message).toBe(false);
      expect(j.hint).toMatch(/^your losses passed their value and gradient checks, so what is left is buildGan: compare its architecture and initialisation with the README's reference shape \(G 8 → 64 → 64 → 2/);
      expect(j.hint).not.toMatch(/sign/);
    }
    expect(ringScores(thin).modesCovered).toBe(3);
    // One loss check failed: the sign hint for a collapse, else "fix the losses first".
    const lossFailed = [{ ...proven[0], passed: false }, proven[1]];
    expect(judges.ringCoverage!({ cases: [], values: [wire(two)], reference, seed: 1, check, alpha: 0, earlier: lossFailed }).hint).toMatch(/sign/);
    expect(judges.ringCoverage!({ cases: [], values: [wire(thin)], reference, seed: 1, check, alpha: 0, earlier: lossFailed }).hint).toMatch(/^fix the loss checks that failed first/);
    // A pass has no hint whatever came before.
    expect(judges.ringCoverage!({ cases: [], values: reference, reference, seed: 1, check, alpha: 0, earlier: proven }).hint).toBeUndefined();
  });

  it('when the bars are applied then they are absolute: 3 of 8 modes and 10% high-quality pass whatever the reference reached, 2 modes or 9% fail', () => {
    const c = ringCenters(8, 2);
    const reference = [wire(gaussianRing(2000, { std: 0.05 }, 4).x)]; // 8 modes, ~99% high-quality
    const three = new Float32Array(2000).map((_, i) => c[i % 6]!);
    const j = judges.ringCoverage!({ cases: [], values: [wire(three)], reference, seed: 1, check, alpha: 0 });
    expect(j.passed, j.message).toBe(true);
    expect(j.message).toMatch(new RegExp(`^modes covered 3 of 8 ≥ the bar ${MIN_MODES} .* high-quality samples 100\\.0% ≥ the bar ${100 * MIN_HIGH_QUALITY}\\.0% .*; the reference's run on this seed: 8 modes, 9\\d\\.\\d% high-quality`));
    const two = new Float32Array(2000).map((_, i) => c[i % 4]!);
    expect(judges.ringCoverage!({ cases: [], values: [wire(two)], reference, seed: 1, check, alpha: 0 }).message).toMatch(/^modes covered 2 of 8 < the bar 3/);
  });

  it('when the reference itself covers only 2 modes on this seed then 2 is the bar, and 1 still fails', () => {
    const c = ringCenters(8, 2);
    const ring = gaussianRing(2000, { std: 0.05 }, 4).x;
    /** The ring's points minus those nearest to the first `drop` centres. */
    const without = (drop: number): Float32Array => {
      const kept: number[] = [];
      for (let i = 0; i < ring.length; i += 2) {
        let best = 0;
        for (let j = 1; j < 8; j++) if (Math.hypot(ring[i]! - c[2 * j]!, ring[i + 1]! - c[2 * j + 1]!) < Math.hypot(ring[i]! - c[2 * best]!, ring[i + 1]! - c[2 * best + 1]!)) best = j;
        if (best >= drop) kept.push(ring[i]!, ring[i + 1]!);
      }
      return Float32Array.from(kept);
    };
    const reference = [wire(without(6))];
    const two = judges.ringCoverage!({ cases: [], values: [wire(without(6))], reference, seed: 6, check, alpha: 0 });
    expect(two.passed, two.message).toBe(true);
    expect(two.message).toMatch(/^modes covered 2 of 8 ≥ the bar 2 \(the reference's own count on this seed\)/);
    const one = judges.ringCoverage!({ cases: [], values: [wire(without(7))], reference, seed: 6, check, alpha: 0 });
    expect(one.passed).toBe(false);
  });

  it('when the samples hold NaN then the judge says the training diverged', () => {
    expect(() => judges.ringCoverage!({ cases: [], values: [wire(new Float32Array([NaN, 0]))], reference: [wire(new Float32Array([0, 0]))], seed: 1, check, alpha: 0 })).toThrow(/diverged/);
  });
});

describe('mnistDigits judge (the digit classifier on generated images)', () => {
  const mnist = loadMnist().test;
  const n = 500;
  const digits = mnist.images.slice(0, n * 784);
  const images = (x: Float32Array) => ({ samples: tensor([x.length / 784, 784], x) });
  const mnistCheck = { name: 'mnist', kind: 'property', points: 1, margin: 0.08 } as CheckSpec;
  const judge = (student: Float32Array, reference = digits) => judges.mnistDigits!({ cases: [], values: [images(student)], reference: [images(reference)], seed: 1, check: mnistCheck, alpha: 0 });

  it('when the samples are real test digits then nearly all are recognised and all 10 classes covered', () => {
    const s = digitScores(digits, n);
    expect(s.recognised).toBeGreaterThan(0.9);
    expect(s.classesCovered).toBe(10);
    const j = judge(digits);
    expect(j.passed).toBe(true);
    expect(j.message).toMatch(/^digits recognised by the classifier \(top class ≥ 90%, mean pixel in \[0.02, 0.35\]\) 9\d\.\d% ≥ threshold/);
    expect(j.images?.[0]).toMatchObject({ kind: 'grid', name: 'gan-mnist-samples', count: 64, height: 28, width: 28, cols: 8 });
  });

  it('when every sample is the same digit then one class is covered and it fails with the collapse hint', () => {
    const one = new Float32Array(n * 784);
    for (let i = 0; i < n; i++) one.set(digits.subarray(0, 784), i * 784);
    const j = judge(one);
    expect(j.passed).toBe(false);
    expect(j.message).toMatch(new RegExp(`classes covered 1 of 10 \\(need ≥ ${MIN_CLASSES}, each ≥ ${CLASS_SHARE * 100}%`));
    expect(j.hint).toMatch(/collapsed onto a few digits/);
  });

  it('when the samples are uniform noise (which the classifier alone calls an 8) or blank then none count and it fails with the no-digits hint', () => {
    for (const bad of [new Rng('gan/mnist-noise').uniforms(n * 784), new Float32Array(n * 784)]) {
      const j = judge(bad);
      expect(digitScores(bad, n).recognised).toBe(0);
      expect(j.passed).toBe(false);
      expect(j.message).toMatch(/ 0\.0% < threshold 8\d\.\d%.* 0\.0% of the samples with a digit's amount of ink/);
      expect(j.hint).toMatch(/almost nothing the generator makes looks like a digit/);
    }
  });

  it('when the losses passed their value and gradient checks then a failed MNIST GAN is not blamed on the sign', () => {
    const one = new Float32Array(n * 784);
    for (let i = 0; i < n; i++) one.set(digits.subarray(0, 784), i * 784);
    const earlier = [{ name: 'generator loss values', kind: 'output', passed: true }] as const;
    const j = judges.mnistDigits!({ cases: [], values: [images(one)], reference: [images(digits)], seed: 1, check: mnistCheck, alpha: 0, earlier });
    expect(j.passed).toBe(false);
    expect(j.hint).toMatch(/^your losses passed their value and gradient checks and this GAN's models and loop are the grader's/);
    expect(j.hint).not.toMatch(/sign/);
  });

  it('when the samples hold NaN then the judge says the training diverged', () => {
    const bad = digits.slice(0, 784 * 2);
    bad[5] = NaN;
    expect(() => judge(bad)).toThrow(/diverged/);
  });
});
