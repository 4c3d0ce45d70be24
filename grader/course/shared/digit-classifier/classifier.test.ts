import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../../../../datasets/index.ts';
import { digitClassifierModel } from '../../../../scripts/digit-classifier-model.ts';
import { expectNoLeak, useBackend } from '../../../../test/tf-setup.ts';
import { Rng } from '../../../basics/rng.ts';
import { classifyDigits, digitLogits, digitProbabilities } from './classifier.ts';
import { decodeDigitClassifier, DIGIT_CLASSIFIER_FILE, digitClassifierWeights, encodeDigitClassifier, type DigitClassifierFile } from './weights.ts';
import fs from 'node:fs';

const { test: mnistTest } = loadMnist();

/** tfjs's own layers in the classifier's architecture, holding the committed weights: the oracle. */
function tfjsModel(): tf.LayersModel {
  const w = digitClassifierWeights();
  const model = digitClassifierModel(1);
  const shapes = model.getWeights().map((t) => t.shape);
  const tensors = [w.conv1Kernel, w.conv1Bias, w.conv2Kernel, w.conv2Bias, w.denseKernel, w.denseBias].map((a, i) => tf.tensor(a, shapes[i]));
  model.setWeights(tensors);
  tf.dispose(tensors);
  return model;
}

function tfjsLogits(images: Float32Array, n: number): Float32Array {
  const model = tfjsModel();
  const out = tf.tidy(() => (model.predict(tf.tensor4d(images, [n, 28, 28, 1])) as tf.Tensor).dataSync() as Float32Array);
  model.dispose();
  return out;
}

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

beforeAll(async () => {
  await useBackend('wasm');
});

describe('classifyDigits (plain-JS forward of the reference CNN)', () => {
  it('gives the same logits as tfjs predict on the same weights, for test digits and for random pixels', async () => {
    await expectNoLeak(() => {
      const n = 200;
      const digits = mnistTest.images.slice(0, n * 784);
      const got = digitLogits(digits, n);
      const want = tfjsLogits(digits, n);
      // Same float32 weights; summation order differs (tfjs im2col matMul vs loops). Observed ~1e-5.
      expect(maxAbsDiff(got, want)).toBeLessThan(1e-3);
      const noise = new Rng('digit-classifier/noise').uniforms(20 * 784);
      expect(maxAbsDiff(digitLogits(noise, 20), tfjsLogits(noise, 20))).toBeLessThan(1e-3);
      const tfClasses = tf.tidy(() => tf.argMax(tf.tensor2d(want, [n, 10]), -1).dataSync());
      expect(Array.from(classifyDigits(digits, n))).toEqual(Array.from(tfClasses));
    });
  });

  it('is at least 97% accurate on the 2,000 MNIST test digits', () => {
    const pred = classifyDigits(mnistTest.images, mnistTest.count);
    const acc = pred.reduce((a, p, i) => a + (p === mnistTest.labels[i] ? 1 : 0), 0) / mnistTest.count;
    expect(acc).toBeGreaterThanOrEqual(0.97); // measured 98.10%
  });

  it('classifies 1,000 images in well under 3 s', () => {
    const t0 = performance.now();
    classifyDigits(mnistTest.images.subarray(0, 1000 * 784), 1000);
    expect(performance.now() - t0).toBeLessThan(3000); // measured 0.52 s (2 cores, lightly loaded)
  });

  it('gives probabilities that sum to 1 per image, and labels 0..9', () => {
    const p = digitProbabilities(mnistTest.images.subarray(0, 10 * 784), 10);
    for (let i = 0; i < 10; i++) expect(p.subarray(i * 10, i * 10 + 10).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(classifyDigits(new Float32Array(0), 0)).toHaveLength(0);
  });

  it('says what is wrong with bad input', () => {
    expect(() => classifyDigits(new Float32Array(783), 1)).toThrow(/classifyDigits|digitLogits: images must hold n·784 = 784 values/);
    expect(() => classifyDigits(new Float32Array(784), 1.5)).toThrow(/n must be a non-negative integer/);
    expect(() => classifyDigits(new Float32Array(784).fill(NaN), 1)).toThrow(/image 0 holds NaN/);
  });

  it('round-trips the weights file and rejects a wrong shape', () => {
    const file = JSON.parse(fs.readFileSync(DIGIT_CLASSIFIER_FILE, 'utf8')) as DigitClassifierFile;
    const arrays = decodeDigitClassifier(file);
    expect(encodeDigitClassifier(arrays, file.training).tensors).toEqual(file.tensors);
    const bad = { ...file, tensors: file.tensors.map((t, i) => (i === 4 ? { ...t, shape: [10, 800] } : t)) };
    expect(() => decodeDigitClassifier(bad)).toThrow(/tensor 4 should be dense\/kernel \[800, 10\]/);
  });
});
