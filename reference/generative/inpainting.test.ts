import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff } from '../testing/oracle.ts';
import { inpaint } from './inpainting.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

/**
 * A VAE whose decoder ignores its code: zero kernel, bias b, so every pixel's probability is
 * σ(b_d) whatever the encoder says — the filled values are known in closed form.
 */
function constantVae(bias: number[], latent = 2) {
  const encoder = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 2 * latent, kernelInitializer: 'glorotUniform' })] });
  const decoder = tf.sequential({ layers: [tf.layers.dense({ inputShape: [latent], units: 784, kernelInitializer: 'zeros', biasInitializer: tf.initializers.constant({ value: 0 }) })] });
  decoder.layers[0]!.setWeights([tf.zeros([latent, 784]), tf.tensor1d(bias)]);
  return { encoder, decoder };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('inpaint', () => {
  it('fills the missing pixels with σ(bias) (float64) for a constant decoder and returns the known ones bit for bit', async () => {
    const bias = Array.from({ length: 784 }, (_, j) => ((j % 13) - 6) / 2);
    const vae = constantVae(bias);
    const xs = Array.from({ length: 3 * 784 }, (_, k) => (k % 7 === 0 ? 1 : 0));
    const ms = Array.from({ length: 3 * 784 }, (_, k) => (k % 3 === 0 ? 0 : 1));
    await expectNoLeak(() => tf.tidy(() => {
      const out = inpaint(vae, tf.tensor2d(xs, [3, 784]), tf.tensor2d(ms, [3, 784]), 3).dataSync();
      const want = xs.map((x, k) => (ms[k] ? x : sigmoid(bias[k % 784]!)));
      expect(maxAbsDiff(out, want)).toBeLessThan(1e-6);
      for (let k = 0; k < out.length; k++) if (ms[k]) expect(out[k]).toBe(xs[k]);
    }));
    vae.encoder.dispose();
    vae.decoder.dispose();
  });

  it('with 0 steps returns x with the missing pixels at 0; with the mask all ones returns x unchanged', () => {
    const vae = constantVae(new Array(784).fill(3));
    tf.tidy(() => {
      const x = tf.tensor2d(Array.from({ length: 784 }, (_, k) => k % 2), [1, 784]);
      const half = tf.tensor2d(Array.from({ length: 784 }, (_, k) => (k < 392 ? 1 : 0)), [1, 784]);
      const out0 = inpaint(vae, x, half, 0).dataSync();
      expect(Array.from(out0.slice(392)).every((v) => v === 0)).toBe(true);
      expect(maxAbsDiff(out0.slice(0, 392), x.dataSync().slice(0, 392))).toBe(0);
      expect(maxAbsDiff(inpaint(vae, x, tf.onesLike(x), 5), x)).toBe(0);
    });
    vae.encoder.dispose();
    vae.decoder.dispose();
  });

  it('rejects bad input with a message that names it', () => {
    const vae = constantVae(new Array(784).fill(0));
    tf.tidy(() => {
      expect(() => inpaint(vae, tf.zeros([2, 784]), tf.zeros([2, 783]), 1)).toThrow(/mask must have the shape of x/);
      expect(() => inpaint(vae, tf.zeros([2, 784]), tf.zeros([2, 784]), -1)).toThrow(/steps must be an integer ≥ 0/);
      expect(() => inpaint({ encoder: vae.encoder } as never, tf.zeros([2, 784]), tf.zeros([2, 784]), 1)).toThrow(/vae must be \{encoder, decoder\}/);
    });
    vae.encoder.dispose();
    vae.decoder.dispose();
  });
});
