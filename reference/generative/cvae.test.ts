import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkVaeModels, sampleEachClass } from '../../grader/course/shared/vae-family/training.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff } from '../testing/oracle.ts';
import { buildCvae } from './cvae.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('buildCvae', () => {
  it('builds [x, y] → [N, 2L] and [z, y] → [N, 784] in the family convention; the label changes the output', async () => {
    await expectNoLeak(() => {
      const m = buildCvae(3, 10, 5);
      expect(() => checkVaeModels(m, 'buildCvae', 3, 10)).not.toThrow();
      tf.tidy(() => {
        const z = tf.randomNormal([2, 3], 0, 1, 'float32', 1);
        const a = m.decoder.predict([z, tf.oneHot([1, 1], 10).toFloat()]) as tf.Tensor;
        const b = m.decoder.predict([z, tf.oneHot([7, 7], 10).toFloat()]) as tf.Tensor;
        expect(a.shape).toEqual([2, 784]);
        expect(maxAbsDiff(a, b)).toBeGreaterThan(0);
        const stats = m.encoder.predict([tf.zeros([2, 784]), tf.oneHot([0, 3], 10).toFloat()]) as tf.Tensor;
        expect(stats.shape).toEqual([2, 6]);
      });
      m.encoder.dispose();
      m.decoder.dispose();
    });
  });

  it('rejects bad sizes with a message that names them', () => {
    expect(() => buildCvae(2, 1, 1)).toThrow(/numClasses must be an integer ≥ 2/);
    expect(() => buildCvae(0, 10, 1)).toThrow(/latentDim must be an integer ≥ 1/);
  });

  it('sampleEachClass gives perClass class-major rows of probabilities in (0, 1) with their labels', () => {
    const built = buildCvae(2, 10, 1);
    const m = checkVaeModels(built, 'buildCvae', 2, 10);
    const { images, labels } = sampleEachClass(m, 3, 1);
    expect(images.shape).toEqual([30, 784]);
    expect(Array.from(labels.dataSync())).toEqual(Array.from({ length: 30 }, (_, i) => Math.floor(i / 3)));
    const px = images.dataSync();
    expect(px.every((p) => p > 0 && p < 1)).toBe(true);
    tf.dispose([images, labels]);
    built.encoder.dispose();
    built.decoder.dispose();
  });
});
