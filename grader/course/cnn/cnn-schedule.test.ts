import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { epochLearningRate, setAdamLearningRate } from './tasks.ts';

describe('the image-model task\'s learning-rate schedule', () => {
  it('cosine starts at lr, halves at mid-budget and nears 0 in the last epoch; constant stays at lr', () => {
    expect(epochLearningRate('cosine', 0.004, 0, 6)).toBeCloseTo(0.004, 12);
    expect(epochLearningRate('cosine', 0.004, 3, 6)).toBeCloseTo(0.002, 12);
    expect(epochLearningRate('cosine', 0.004, 5, 6)).toBeCloseTo(0.004 * 0.5 * (1 + Math.cos((5 * Math.PI) / 6)), 12);
    expect(epochLearningRate('cosine', 0.004, 5, 6)).toBeLessThan(0.0003);
    for (let e = 0; e < 6; e++) expect(epochLearningRate('constant', 0.004, e, 6)).toBe(0.004);
  });

  it('a rate set on tf.train.adam is the one its next step uses (Adam\'s first step moves each weight by ≈ lr)', () => {
    const w = tf.variable(tf.scalar(1));
    const opt = tf.train.adam(0.1);
    const loss = () => tf.square(w) as tf.Scalar;
    setAdamLearningRate(opt, 0);
    opt.minimize(loss);
    expect(w.dataSync()[0]).toBe(1);
    setAdamLearningRate(opt, 0.01);
    opt.minimize(loss);
    // Second step: m̂ / (√v̂ + ε) = 1 for a constant-sign gradient of the same size, so w moves by ≈ 0.01.
    expect(1 - w.dataSync()[0]!).toBeCloseTo(0.01, 3);
    w.dispose();
    opt.dispose();
  });

  it('refuses an optimizer without a numeric learning rate', () => {
    expect(() => setAdamLearningRate({} as tf.Optimizer, 0.1)).toThrow(/no numeric learningRate/);
  });
});
