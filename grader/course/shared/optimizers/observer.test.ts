import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { trainMlpWithStepper, type ClassificationData, type Stepper } from '../../../../reference/support/classifier-training.ts';

/** Plain SGD at lr 0.1, the grader's own (the reference's step, inlined). */
const sgd = (): Stepper => ({ step: (params, grads) => params.map((p, i) => tf.tidy(() => tf.sub(p, tf.mul(0.1, grads[i]!)))), dispose: () => undefined });

/** 640 random "images" in 10 classes (class k: pixel block k brighter), 100 test images. */
function data(): ClassificationData {
  const n = 640, m = 100;
  let u = 11;
  const next = () => (u = (u * 48271) % 2147483647) / 2147483647;
  const labels = Int32Array.from({ length: n + m }, (_, i) => i % 10);
  const x = Float32Array.from({ length: (n + m) * 784 }, (_, k) => next() * 0.3 + (Math.floor((k % 784) / 78) === labels[Math.floor(k / 784)] ? 0.7 : 0));
  return {
    trainImages: tf.tensor2d(x.subarray(0, n * 784), [n, 784]),
    trainLabels: tf.tensor1d(labels.subarray(0, n), 'int32'),
    testImages: tf.tensor2d(x.subarray(n * 784), [m, 784]),
  };
}

describe('trainMlpWithStepper\'s observer (the optimizer checks\' learning curve)', () => {
  it('sees the loss and the model every few minibatches and at each epoch\'s end, and leaves the trained predictions the same bits', () => {
    const d = data();
    const budget = { epochs: 2, batchSize: 64 }; // 10 minibatches an epoch
    const plain = trainMlpWithStepper(sgd(), d, budget, 3);
    const points: [number, number, number][] = [];
    const watched = trainMlpWithStepper(sgd(), d, budget, 3, {
      batchesPerPoint: 4,
      point: (epoch, loss, logits) => points.push([epoch, loss, tf.tidy(() => logits(d.testImages).shape[1]!)]),
    });
    expect(Array.from(watched.dataSync())).toEqual(Array.from(plain.dataSync()));
    expect(points.map((p) => p[0])).toEqual([0.4, 0.8, 1, 1.4, 1.8, 2]);
    expect(points.every((p) => Number.isFinite(p[1]) && p[1] > 0 && p[2] === 10)).toBe(true);
    expect(points[points.length - 1]![1]).toBeLessThan(points[0]![1]); // the loss fell on these easy classes
    tf.dispose([plain, watched, d.trainImages, d.trainLabels, d.testImages]);
  });

  it('holds no tensor after the training beyond the predictions it returns', () => {
    const d = data();
    const before = tf.memory().numTensors;
    const out = trainMlpWithStepper(sgd(), d, { epochs: 1, batchSize: 64 }, 1, { batchesPerPoint: 3, point: () => undefined });
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([out, d.trainImages, d.trainLabels, d.testImages]);
  });
});
