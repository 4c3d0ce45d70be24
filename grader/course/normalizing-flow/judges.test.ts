import { describe, expect, it } from 'vitest';
import { logAbsDet, numericJacobian } from './judges.ts';

describe('normalizing-flow judge helpers', () => {
  it('logAbsDet: log|det| of hand-computed matrices, with pivoting and a singular one', () => {
    expect(logAbsDet([2, 0, 0, 3], 2)).toBeCloseTo(Math.log(6), 12);
    // det [[0, 1], [1, 0]] = −1 (needs a row swap): log|det| = 0
    expect(logAbsDet([0, 1, 1, 0], 2)).toBeCloseTo(0, 12);
    // det [[1, 2, 3], [0, 1, 4], [5, 6, 0]] = 1·(0 − 24) − 2·(0 − 20) + 3·(0 − 5) = 1
    expect(logAbsDet([1, 2, 3, 0, 1, 4, 5, 6, 0], 3)).toBeCloseTo(0, 12);
    expect(logAbsDet([4, -2, 1, 3, 6, -4, 2, 1, 8], 3)).toBeCloseTo(Math.log(Math.abs(4 * (48 + 4) + 2 * (24 + 8) + 1 * (3 - 12))), 10);
    expect(logAbsDet([1, 2, 2, 4], 2)).toBe(-Infinity);
  });

  it('numericJacobian: central differences over the float32-rounded steps recover a linear map exactly', () => {
    const A = [[2, -1], [0.5, 3]];
    const x = Float32Array.from([0.3, -1.7, 2.2, 0.1]); // two examples, d = 2
    const n = 2, d = 2, h = 1e-2;
    const map = (v: number[]) => [A[0]![0]! * v[0]! + A[0]![1]! * v[1]!, A[1]![0]! * v[0]! + A[1]![1]! * v[1]!];
    const around = new Float64Array((2 * d + 1) * n * d);
    for (let i = 0; i < n; i++) {
      const xi = [x[2 * i]!, x[2 * i + 1]!];
      around.set(map(xi), i * d);
      for (let j = 0; j < d; j++) {
        for (const [k, sign] of [[1 + 2 * j, 1], [2 + 2 * j, -1]] as const) {
          const p = xi.map((v, m) => (m === j ? Math.fround(v + sign * h) : v));
          around.set(map(p), k * n * d + i * d);
        }
      }
    }
    for (let i = 0; i < n; i++) expect(Array.from(numericJacobian(around, x, n, d, i, h)).map((v) => +v.toFixed(9))).toEqual(A.flat());
  });
});
