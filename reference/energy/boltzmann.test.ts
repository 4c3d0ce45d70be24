import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../../test/tf-setup.ts';
import { Rng } from '../../grader/basics/rng.ts';
import { afterSweeps, boltzmannDistribution, stateIndex, stateName, totalVariation } from '../../grader/course/boltzmann/exact.ts';
import { chiSquareTest } from '../../grader/course/shared/samplers/exact-stats.ts';
import { onlyOutputs } from '../testing/oracle.ts';
import { boltzmannGradient, gibbsSweep } from './boltzmann.ts';

function machine(seed: string, n: number, scale: number) {
  const rng = new Rng(seed);
  const w = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) w[i * n + j] = w[j * n + i] = rng.normal(0, scale);
  return { w, bias: rng.normals(n, 0, scale) };
}

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`boltzmann on ${backend}`, () => {
    beforeAll(() => useBackend(backend));

    it('when 20000 chains run 15 sweeps from uniform starts then the state counts fit the exact 2⁵-state distribution after 15 sweeps, itself within 1e-3 of the Boltzmann one (chi-square, p > 1e-6)', () => {
      const n = 5;
      const { w, bias } = machine('bm5', n, 0.5);
      const rng = new Rng('bm5-init');
      const c = 20000;
      const wt = tf.tensor2d(w, [n, n]), bt = tf.tensor1d(bias);
      let x = tf.tensor2d(Float32Array.from({ length: c * n }, () => (rng.uniform() < 0.5 ? -1 : 1)), [c, n]);
      const before = tf.memory().numTensors;
      for (let s = 0; s < 15; s++) {
        const next = onlyOutputs('gibbsSweep', () => gibbsSweep(x, wt, bt, 1000 + 7 * s));
        x.dispose();
        x = next;
      }
      expect(tf.memory().numTensors).toBe(before);
      const v = x.dataSync();
      const counts = new Float64Array(1 << n);
      for (let r = 0; r < c; r++) counts[stateIndex(v, r, n)]++;
      const exact = boltzmannDistribution(w, bias, n);
      const uniform = new Float64Array(1 << n).fill(1 / (1 << n));
      // The exact 15-sweep distribution (the target) is within 1e-3 of the Boltzmann one.
      const target = afterSweeps(uniform, w, bias, n, 15);
      expect(totalVariation(target, exact)).toBeLessThan(1e-3);
      const r = chiSquareTest(counts, target, (i) => stateName(i, n));
      expect(r.p).toBeGreaterThan(1e-6);
      tf.dispose([x, wt, bt]);
    });

    it('when the kernel is applied exactly then it leaves the Boltzmann distribution invariant (detailed balance of each unit update)', () => {
      const n = 4;
      const { w, bias } = machine('bm4', n, 1);
      const p = boltzmannDistribution(w, bias, n);
      expect(totalVariation(afterSweeps(p, w, bias, n, 1), p)).toBeLessThan(1e-12);
      // Two independent units, no coupling: p(+1) = σ(2b) (textbook logistic).
      const q = boltzmannDistribution([0, 0, 0, 0], [0.3, -0.2], 2);
      expect(q[1]! + q[3]!).toBeCloseTo(1 / (1 + Math.exp(-0.6)), 12);
    });

    it('when the same seed is used twice then the sweep is the same; the gradient is mean xxᵀ(data) − mean xxᵀ(model) with zero diagonal', () => {
      const x = tf.tensor2d([1, -1, 1, -1, -1, 1], [2, 3]);
      const w = tf.tensor2d([0, 0.5, -0.2, 0.5, 0, 0.1, -0.2, 0.1, 0], [3, 3]);
      const b = tf.tensor1d([0.1, 0, -0.3]);
      const a1 = gibbsSweep(x, w, b, 9), a2 = gibbsSweep(x, w, b, 9);
      expect(Array.from(a1.dataSync())).toEqual(Array.from(a2.dataSync()));
      const data = tf.tensor2d([1, 1, -1, 1, -1, -1], [2, 3]);
      const model = tf.tensor2d([1, 1, 1], [1, 3]);
      const before = tf.memory().numTensors;
      const g = boltzmannGradient(data, model);
      expect(tf.memory().numTensors - before).toBe(2);
      // data: x₀x₁ = (1 + −1)/2 = 0, x₀x₂ = (−1 + −1)/2 = −1, x₁x₂ = (−1 + 1)/2 = 0; model: all 1.
      expect(Array.from(g.dW.dataSync())).toEqual([0, -1, -2, -1, 0, -1, -2, -1, 0]);
      expect(Array.from(g.dBias.dataSync())).toEqual([0, -1, -2]);
      tf.dispose([x, w, b, a1, a2, data, model, g.dW, g.dBias]);
    });
  });
}
