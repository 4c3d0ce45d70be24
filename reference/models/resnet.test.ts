import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { compareOp, maxAbsDiff, onlyOutputs, seededTensor } from '../testing/oracle.ts';
import { buildResNet, residualBlock, type ResidualParams } from './resnet.ts';
import { variants } from './resnet.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

/** x [n, h, w, c] and block weights c → f → c, He-scaled so activations stay O(1). */
function blockInputs(rng: Rng, [n, h, w, c]: number[], f: number, k = 3): tf.Tensor[] {
  return [
    seededTensor(rng.fork('x'), [n!, h!, w!, c!]),
    seededTensor(rng.fork('w1'), [k, k, c!, f], Math.sqrt(2 / (k * k * c!))),
    seededTensor(rng.fork('b1'), [f], 0.1),
    seededTensor(rng.fork('w2'), [k, k, f, c!], Math.sqrt(2 / (k * k * f))),
    seededTensor(rng.fork('b2'), [c!], 0.1),
  ];
}

const asParams = (w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => ({ w1, b1, w2, b2 }) as ResidualParams;

/** The oracle: x + conv(relu(conv(x))) with tf.conv2d 'same' and tf.relu, written out by hand. */
function handBlock(x: tf.Tensor, w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor): tf.Tensor {
  const h = tf.relu(tf.conv2d(x as tf.Tensor4D, w1 as tf.Tensor4D, [1, 1], 'same').add(b1));
  return x.add(tf.conv2d(h as tf.Tensor4D, w2 as tf.Tensor4D, [1, 1], 'same').add(b2));
}

describe('residualBlock', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    for (const [shape, f] of [[[2, 6, 5, 3], 4], [[1, 4, 4, 1], 1], [[3, 7, 7, 8], 8]] as [number[], number][]) {
      it(`matches x + conv(relu(conv(x))) by tf.conv2d 'same' and tf.relu, and its gradients, for x [${shape}] and ${f} hidden maps (${backend})`, async () => {
        await useBackend(backend);
        const rng = new Rng(`resnet/${shape}/${f}`);
        const r = compareOp({
          name: 'residualBlock',
          f: (x, w1, b1, w2, b2) => residualBlock(x as tf.Tensor4D, asParams(w1!, b1!, w2!, b2!)),
          oracle: handBlock,
          inputs: () => blockInputs(rng, shape, f),
          wrt: [0, 1, 2, 3, 4],
        });
        // The same kernels in the same order: observed 0 on both backends.
        expect(r.value).toBeLessThan(1e-5);
        expect(Math.max(...r.grads)).toBeLessThan(1e-4);
        await useBackend('wasm');
      });
    }
  }

  it('works with a 5×5 kernel and keeps the input shape', () => {
    const rng = new Rng('resnet/5x5');
    const [x, w1, b1, w2, b2] = blockInputs(rng, [2, 6, 6, 2], 3, 5);
    const got = onlyOutputs('residualBlock', () => residualBlock(x as tf.Tensor4D, asParams(w1!, b1!, w2!, b2!)));
    const want = tf.tidy(() => handBlock(x!, w1!, b1!, w2!, b2!));
    expect(got.shape).toEqual([2, 6, 6, 2]);
    expect(maxAbsDiff(got, want)).toBeLessThan(1e-5);
    tf.dispose([x!, w1!, b1!, w2!, b2!, got, want]);
  });

  it('is the identity when the second convolution is zero (the skip connection)', () => {
    const rng = new Rng('resnet/identity');
    const [x, w1, b1, w2, b2] = blockInputs(rng, [2, 5, 5, 3], 4);
    const [z, zb] = [tf.zerosLike(w2!), tf.zerosLike(b2!)];
    const y = residualBlock(x as tf.Tensor4D, asParams(w1!, b1!, z, zb));
    expect(maxAbsDiff(y, x!)).toBe(0);
    tf.dispose([x!, w1!, b1!, w2!, b2!, z, zb, y]);
  });

  it('leaks nothing and leaves its inputs alive', async () => {
    const xs = blockInputs(new Rng('resnet/leak'), [1, 4, 4, 2], 2);
    await expectNoLeak(() => {
      const p = asParams(xs[1]!, xs[2]!, xs[3]!, xs[4]!);
      tf.dispose(residualBlock(xs[0] as tf.Tensor4D, p));
      tf.dispose(tf.grads((x: tf.Tensor, w: tf.Tensor) => residualBlock(x as tf.Tensor4D, { ...p, w1: w as tf.Tensor4D }).sum())([xs[0]!, xs[1]!]));
    });
    expect(xs.some((t) => t.isDisposed)).toBe(false);
    tf.dispose(xs);
  });

  it('says who complained about bad arguments', () => {
    tf.tidy(() => {
      const [x, w1, b1, w2, b2] = blockInputs(new Rng('resnet/bad'), [1, 4, 4, 2], 3);
      const p = asParams(w1!, b1!, w2!, b2!);
      expect(() => residualBlock(tf.zeros([4, 4, 2]) as unknown as tf.Tensor4D, p)).toThrow(/^residualBlock: x must be rank 4, but got rank 3/);
      expect(() => residualBlock(tf.zeros([1, 4, 4, 5]) as tf.Tensor4D, p)).toThrow(/^residualBlock: p.w1 must take x's 5 channels/);
      expect(() => residualBlock(x as tf.Tensor4D, { ...p, b1: tf.zeros([2]) as tf.Tensor1D })).toThrow(/^residualBlock: p.b1 must have one entry per filter of p.w1 \(3\), but got 2/);
      expect(() => residualBlock(x as tf.Tensor4D, { ...p, w2: tf.zeros([3, 3, 3, 4]) as tf.Tensor4D })).toThrow(/^residualBlock: p.w2 must map p.w1's 3 channels back to x's 2/);
      expect(() => residualBlock(x as tf.Tensor4D, { ...p, b2: tf.zeros([3]) as tf.Tensor1D })).toThrow(/^residualBlock: p.b2 must have one entry per channel of x \(2\), but got 3/);
    });
  });
});

describe('resnet variants', () => {
  it('each differs from the reference on generic inputs', () => {
    const [x, w1, b1, w2, b2] = blockInputs(new Rng('resnet/variants'), [2, 5, 5, 3], 4);
    const p = asParams(w1!, b1!, w2!, b2!);
    const ref = residualBlock(x as tf.Tensor4D, p);
    for (const v of variants) {
      expect(v.hint, v.id).toMatch(/^Your output matches .+: ./);
      const got = onlyOutputs(v.id, () => v.exports.residualBlock!(x, p) as tf.Tensor);
      expect(got.shape, v.id).toEqual(ref.shape);
      expect(maxAbsDiff(got, ref), v.id).toBeGreaterThan(1e-2);
      got.dispose();
    }
    tf.dispose([x!, w1!, b1!, w2!, b2!, ref]);
  });
});

describe('buildResNet', () => {
  it('maps [N, 28, 28, 1] images to [N, 10] logits, with input [null, 28, 28, 1] and output [null, 10]', async () => {
    await expectNoLeak(() => {
      const model = buildResNet(1);
      expect(model.inputs[0]!.shape).toEqual([null, 28, 28, 1]);
      expect(model.outputs[0]!.shape).toEqual([null, 10]);
      const x = seededTensor(new Rng('resnet/model'), [3, 28, 28, 1]);
      const y = model.predict(x) as tf.Tensor;
      expect(y.shape).toEqual([3, 10]);
      expect(tf.tidy(() => y.min().arraySync() as number)).toBeLessThan(0); // logits, not probabilities
      tf.dispose([x, y]);
      model.dispose();
    });
  });

  it('has two skip connections (add layers) and gives identical weights for the same seed', () => {
    const [a, b, c] = [buildResNet(7), buildResNet(7), buildResNet(8)];
    expect(a.layers.filter((l) => l.getClassName() === 'Add')).toHaveLength(2);
    const [wa, wb, wc] = [a, b, c].map((m) => m.getWeights().map((w) => Float32Array.from(w.dataSync())));
    wa!.forEach((w, i) => expect(maxAbsDiff(w, wb![i]!), `weight ${i}`).toBe(0));
    expect(maxAbsDiff(wa![0]!, wc![0]!)).toBeGreaterThan(0.01);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('says who complained about a bad seed', () => {
    expect(() => buildResNet(0.5)).toThrow(/^buildResNet: seed must be an integer, but got 0.5$/);
  });
});
