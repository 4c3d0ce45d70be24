import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkVaeModels, graderPieces, evaluateElbo, trainVae } from '../../grader/course/shared/vae-family/training.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff } from '../testing/oracle.ts';
import { buildVae } from './beta-vae.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('buildVae', () => {
  it('builds [N, 784] → [N, 2L] and [N, L] → [N, 784] in the family convention; same seed, same weights', async () => {
    await expectNoLeak(() => {
      const a = buildVae(5, 3);
      const b = buildVae(5, 3);
      const c = buildVae(5, 4);
      expect(() => checkVaeModels(a, 'buildVae', 5, 0)).not.toThrow();
      tf.tidy(() => {
        const x = tf.randomUniform([2, 784], 0, 1, 'float32', 1).round();
        const stats = a.encoder.predict(x) as tf.Tensor;
        expect(stats.shape).toEqual([2, 10]);
        expect((a.decoder.predict(tf.zeros([2, 5])) as tf.Tensor).shape).toEqual([2, 784]);
        expect(maxAbsDiff(stats, b.encoder.predict(x) as tf.Tensor)).toBe(0);
        expect(maxAbsDiff(stats, c.encoder.predict(x) as tf.Tensor)).toBeGreaterThan(0);
      });
      for (const m of [a, b, c]) {
        m.encoder.dispose();
        m.decoder.dispose();
      }
    });
  });

  it('rejects a latent size that is not a positive integer', () => {
    expect(() => buildVae(0, 1)).toThrow(/latentDim must be an integer ≥ 1/);
    expect(() => buildVae(2.5, 1)).toThrow(/latentDim/);
  });

  it('before training, its ELBO on random binary images is −784·log 2 within 60 nats: zero-mean small logits give p ≈ ½ per pixel', () => {
    // Textbook value: with logits ≈ 0 each pixel costs log 2 nats, so log p(x | z) ≈ −784·log 2 ≈ −543.4.
    const m = buildVae(4, 1);
    const t = tf.tidy(() => {
      const x = tf.randomUniform([200, 784], 0, 1, 'float32', 2).round() as tf.Tensor2D;
      const { logLikelihood, kl } = evaluateElbo({ ...m, latent: 4, classes: 0 }, x, undefined, 1);
      return [logLikelihood.mean().dataSync()[0]!, kl.mean().dataSync()[0]!];
    });
    expect(Math.abs(t[0]! + 784 * Math.LN2)).toBeLessThan(60);
    expect(t[1]).toBeGreaterThanOrEqual(0);
    // A few training steps on one batch raise the ELBO (sanity of the convention with the loop).
    const x = tf.randomUniform([100, 784], 0, 1, 'float32', 3).round() as tf.Tensor2D;
    const log = trainVae({ ...m, latent: 4, classes: 0 }, graderPieces, x, undefined, { steps: 101, batchSize: 50, lr: 0.003, latent: 4, hidden: 0 }, 1, 1);
    expect(log[1]!).toBeLessThan(log[0]!);
    x.dispose();
    m.encoder.dispose();
    m.decoder.dispose();
  });
});
