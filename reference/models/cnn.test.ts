import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { maxAbsDiff, seededTensor } from '../testing/oracle.ts';
import { buildCnn } from './cnn.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('buildCnn', () => {
  it('maps [N, 28, 28, 1] images to [N, 10] logits, with input [null, 28, 28, 1] and output [null, 10]', async () => {
    await expectNoLeak(() => {
      const model = buildCnn(1);
      expect(model.inputs[0]!.shape).toEqual([null, 28, 28, 1]);
      expect(model.outputs[0]!.shape).toEqual([null, 10]);
      const x = seededTensor(new Rng('cnn/model'), [3, 28, 28, 1]);
      const y = model.predict(x) as tf.Tensor;
      expect(y.shape).toEqual([3, 10]);
      expect(tf.tidy(() => y.min().arraySync() as number)).toBeLessThan(0); // logits, not probabilities
      tf.dispose([x, y]);
      model.dispose();
    });
  });

  it('alternates convolution and pooling: 26×26×16, 13×13×16, 11×11×32, 5×5×32, then 800 → 64 → 10 logits', () => {
    const model = buildCnn(1);
    expect(model.layers.map((l) => (l.outputShape as number[]).slice(1))).toEqual([[26, 26, 16], [13, 13, 16], [11, 11, 32], [5, 5, 32], [800], [800], [64], [10]]);
    expect(model.layers[5]!.getClassName()).toBe('Dropout');
    expect(model.countParams()).toBe((9 * 16 + 16) + (9 * 16 * 32 + 32) + (800 * 64 + 64) + (64 * 10 + 10));
    model.dispose();
  });

  it('agrees with tf.conv2d, tf.relu, tf.maxPool and tf.matMul on its own weights', () => {
    const model = buildCnn(3);
    const x = seededTensor(new Rng('cnn/oracle'), [2, 28, 28, 1]) as tf.Tensor4D;
    const [k1, b1, k2, b2, w1, c1, w, b] = model.getWeights();
    const want = tf.tidy(() => {
      let h = tf.maxPool(tf.relu(tf.conv2d(x, k1 as tf.Tensor4D, 1, 'valid').add(b1!)) as tf.Tensor4D, 2, 2, 'valid');
      h = tf.maxPool(tf.relu(tf.conv2d(h, k2 as tf.Tensor4D, 1, 'valid').add(b2!)) as tf.Tensor4D, 2, 2, 'valid');
      // Dropout is the identity at inference (predict).
      const hidden = tf.relu(tf.matMul(h.reshape([2, 800]), w1 as tf.Tensor2D).add(c1!));
      return tf.matMul(hidden, w as tf.Tensor2D).add(b!);
    });
    const got = model.predict(x) as tf.Tensor;
    // Same kernels; the layers' fused bias+relu may round differently. Observed ≤ 1e-6.
    expect(maxAbsDiff(got, want)).toBeLessThan(1e-4);
    tf.dispose([x, want, got]);
    model.dispose();
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`gives identical initial weights for the same seed, different ones for another seed (${backend})`, async () => {
      await useBackend(backend);
      const before = tf.memory().numTensors;
      const [a, b, c] = [buildCnn(42), buildCnn(42), buildCnn(43)];
      const [wa, wb, wc] = [a, b, c].map((m) => m.getWeights().map((t) => Float32Array.from(t.dataSync())));
      wa!.forEach((t, i) => expect(maxAbsDiff(t, wb![i]!), `weight ${i}`).toBe(0));
      for (const i of [0, 2, 4, 6]) expect(maxAbsDiff(wa![i]!, wc![i]!), `weight ${i}`).toBeGreaterThan(0.01);
      [a, b, c].forEach((m) => m.dispose());
      expect(tf.memory().numTensors).toBe(before);
      await useBackend('wasm');
    });
  }

  it('says who complained about a bad seed', () => {
    expect(() => buildCnn(1.5)).toThrow(/^buildCnn: seed must be an integer, but got 1.5$/);
  });
});
