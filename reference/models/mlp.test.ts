import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff, seededTensor } from '../testing/oracle.ts';
import { buildMlp, layerSeed } from './mlp.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

function weights(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => Float32Array.from(w.dataSync()));
}

describe('buildMlp', () => {
  it('maps [N, 784] to [N, 10] logits (no softmax) with 784·256 + 256 + 256·10 + 10 parameters', () => {
    const model = buildMlp(1);
    const x = seededTensor(new Rng('mlp/x'), [3, 784]);
    const y = model.predict(x) as tf.Tensor;
    expect(y.shape).toEqual([3, 10]);
    expect(model.countParams()).toBe(784 * 256 + 256 + 256 * 10 + 10);
    const rows = tf.tidy(() => y.sum(1).dataSync());
    expect(Array.from(rows).some((s) => Math.abs(s - 1) > 1e-3)).toBe(true); // logits, not probabilities
    expect(y.min().dataSync()[0]).toBeLessThan(0);
    tf.dispose([x, y]);
    model.dispose();
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`gives identical initial weights for the same seed, different ones for another seed (${backend})`, async () => {
      await useBackend(backend);
      const before = tf.memory().numTensors;
      const [a, b, c] = [buildMlp(42), buildMlp(42), buildMlp(43)];
      const [wa, wb, wc] = [a, b, c].map(weights);
      wa!.forEach((w, i) => expect(maxAbsDiff(w, wb![i]!), `weight ${i}`).toBe(0));
      expect(maxAbsDiff(wa![0]!, wc![0]!)).toBeGreaterThan(0.01);
      expect(maxAbsDiff(wa![2]!, wc![2]!)).toBeGreaterThan(0.01);
      [a, b, c].forEach((m) => m.dispose());
      expect(tf.memory().numTensors).toBe(before);
      await useBackend('wasm');
    });
  }

  it('seeds each layer differently and never with 0 (tfjs reads 0 as unseeded)', () => {
    for (const seed of [0, 1, -1, 42, 2 ** 31 - 1]) {
      const s = [0, 1, 2].map((i) => layerSeed(seed, i));
      expect(new Set(s).size).toBe(3);
      s.forEach((x) => expect(Number.isInteger(x) && x >= 1 && x < 2 ** 31).toBe(true));
    }
    expect(layerSeed(1, 0)).not.toBe(layerSeed(2, 0));
    // seed 0 is still deterministic.
    const [a, b] = [buildMlp(0), buildMlp(0)];
    expect(maxAbsDiff(weights(a)[0]!, weights(b)[0]!)).toBe(0);
    a.dispose();
    b.dispose();
  });

  it('has sensible initial scales: He for the ReLU layer, Glorot for the output, zero biases', () => {
    const model = buildMlp(5);
    const [w1, b1, w2, b2] = weights(model);
    const std = (w: Float32Array) => Math.sqrt(w.reduce((s, x) => s + x * x, 0) / w.length);
    // He-normal (truncated in tfjs: std ≈ 0.88·√(2/784) ≈ 0.0445); Glorot-uniform std = √(2/(256+10)) ≈ 0.0867.
    expect(Math.abs(std(w1!) - 0.88 * Math.sqrt(2 / 784)) / std(w1!)).toBeLessThan(0.05);
    expect(Math.abs(std(w2!) - Math.sqrt(2 / 266)) / std(w2!)).toBeLessThan(0.05);
    expect(maxAbsDiff(b1!, new Float32Array(256))).toBe(0);
    expect(maxAbsDiff(b2!, new Float32Array(10))).toBe(0);
    model.dispose();
  });

  it('says who complained about a bad seed', () => {
    expect(() => buildMlp(1.5)).toThrow(/^buildMlp: seed must be an integer, but got 1.5$/);
    expect(() => buildMlp(NaN)).toThrow(/^buildMlp: seed must be an integer, but got NaN$/);
  });
});
