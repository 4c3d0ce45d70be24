import { describe, expect, it } from 'vitest';
import { gaussianRing, ringCenters } from '../../datasets/index.ts';
import { tensor } from '../inputs/wire.ts';
import { judges, ringScores } from './gan.ts';
import type { CheckSpec } from '../manifest/types.ts';

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

  it('when the samples hold NaN then the judge says the training diverged', () => {
    expect(() => judges.ringCoverage!({ cases: [], values: [wire(new Float32Array([NaN, 0]))], reference: [wire(new Float32Array([0, 0]))], seed: 1, check, alpha: 0 })).toThrow(/diverged/);
  });
});
