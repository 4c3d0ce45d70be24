import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { allFinite, compareOp, maxAbsDiff } from '../testing/oracle.ts';
import { buildGan, discriminatorLoss, generatorLoss, GAN_LATENT } from './gan.ts';
import { variants } from './gan.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('GAN losses', () => {
  it('match −mean log σ(r) − mean log(1 − σ(f)) computed in float64 (hand-sized logits)', async () => {
    const r = [0.5, -1, 2, 0];
    const f = [-0.3, 1.5, -2];
    const want = -mean(r.map((x) => Math.log(sigmoid(x)))) - mean(f.map((x) => Math.log(1 - sigmoid(x))));
    const got = await expectNoLeak(() => tf.tidy(() => discriminatorLoss(tf.tensor1d(r), tf.tensor1d(f)).dataSync()[0]!));
    expect(Math.abs(got - want)).toBeLessThan(1e-6);
    // D(real) = D(fake) = ½ everywhere: the loss is 2 log 2, the value at the game's equilibrium.
    const eq = tf.tidy(() => discriminatorLoss(tf.zeros([5]), tf.zeros([5, 1])).dataSync()[0]!);
    expect(Math.abs(eq - 2 * Math.LN2)).toBeLessThan(1e-6);
  });

  it('the generator forms: −mean log σ(f) and mean log(1 − σ(f)); at f = 0 both are ∓log 2', () => {
    const f = [0.7, -2.5, 4];
    const ns = -mean(f.map((x) => Math.log(sigmoid(x))));
    const sat = mean(f.map((x) => Math.log(1 - sigmoid(x))));
    tf.tidy(() => {
      expect(Math.abs(generatorLoss(tf.tensor1d(f), true).dataSync()[0]! - ns)).toBeLessThan(1e-6);
      expect(Math.abs(generatorLoss(tf.tensor1d(f), false).dataSync()[0]! - sat)).toBeLessThan(1e-6);
      expect(Math.abs(generatorLoss(tf.zeros([3]), true).dataSync()[0]! - Math.LN2)).toBeLessThan(1e-6);
      expect(Math.abs(generatorLoss(tf.zeros([3]), false).dataSync()[0]! + Math.LN2)).toBeLessThan(1e-6);
    });
  });

  it('stay finite at logits of ±1000 (log σ(x) = −softplus(−x) ≈ x for x ≪ 0), where log(sigmoid) is not', () => {
    tf.tidy(() => {
      const big = tf.tensor1d([1000, -1000]);
      // −mean log σ([1000, −1000]) = mean(0, 1000) = 500; −mean log(1 − σ(·)) the same by symmetry.
      expect(maxAbsDiff(discriminatorLoss(big, big), [1000])).toBeLessThan(1e-3);
      expect(maxAbsDiff(generatorLoss(big, true), [500])).toBeLessThan(1e-3);
      expect(maxAbsDiff(generatorLoss(big, false), [-500])).toBeLessThan(1e-3);
      const naive = variants.find((v) => v.id === 'log-of-sigmoid')!.exports.discriminatorLoss!(big, big) as tf.Tensor;
      expect(allFinite(naive)).toBe(false);
    });
  });

  it('gradients are σ(x) − target per logit over the batch size (d softplus = σ), also at 0', () => {
    tf.tidy(() => {
      const r = tf.tensor1d([0, 3, -3, 1000]);
      const f = tf.tensor1d([0, -1, 2]);
      const [gr, gf] = tf.grads((a: tf.Tensor, b: tf.Tensor) => discriminatorLoss(a, b))([r, f]);
      expect(maxAbsDiff(gr!, [0, 3, -3, 1000].map((x) => (sigmoid(x) - 1) / 4))).toBeLessThan(1e-6);
      expect(maxAbsDiff(gf!, [0, -1, 2].map((x) => sigmoid(x) / 3))).toBeLessThan(1e-6);
      const gns = tf.grad((a: tf.Tensor) => generatorLoss(a, true))(f);
      expect(maxAbsDiff(gns, [0, -1, 2].map((x) => (sigmoid(x) - 1) / 3))).toBeLessThan(1e-6);
      const gsat = tf.grad((a: tf.Tensor) => generatorLoss(a, false))(f);
      expect(maxAbsDiff(gsat, [0, -1, 2].map((x) => -sigmoid(x) / 3))).toBeLessThan(1e-6);
    });
  });

  it('says who complained', () => {
    const x = tf.zeros([2, 2]);
    expect(() => discriminatorLoss(x, x)).toThrow(/^discriminatorLoss: realLogits must be \[N\] or \[N,1\], but got \[2,2\]/);
    expect(() => generatorLoss(tf.zeros([0]), true)).toThrow(/^generatorLoss: fakeLogits must hold at least one logit/);
    expect(() => generatorLoss(tf.zeros([2]), 1 as unknown as boolean)).toThrow(/^generatorLoss: nonSaturating must be a boolean/);
    x.dispose();
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`on ${backend}: values and gradients match tf.losses.sigmoidCrossEntropy, leaking nothing`, async () => {
      await useBackend(backend);
      const rng = new (await import('../../grader/basics/rng.ts')).Rng(`gan/${backend}`);
      const inputs = () => [tf.tensor1d(rng.normals(16, 0, 4)), tf.tensor1d(rng.normals(16, 0, 4))];
      const one = () => [tf.tensor1d(rng.normals(16, 0, 4))];
      const bce = (logits: tf.Tensor, label: number) => tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, label), logits);
      const d = compareOp({ name: 'discriminatorLoss', f: discriminatorLoss, oracle: (r, f) => tf.add(bce(r, 1), bce(f, 0)), inputs, wrt: [0, 1] });
      expect(d.value).toBeLessThan(1e-5);
      for (const g of d.grads) expect(g).toBeLessThan(1e-6);
      const ns = compareOp({ name: 'generatorLoss', f: (x) => generatorLoss(x, true), oracle: (x) => bce(x, 1), inputs: one, wrt: [0] });
      expect(ns.value).toBeLessThan(1e-5);
      expect(ns.grads[0]).toBeLessThan(1e-6);
      const sat = compareOp({ name: 'generatorLoss', f: (x) => generatorLoss(x, false), oracle: (x) => bce(x, 0).neg(), inputs: one, wrt: [0] });
      expect(sat.value).toBeLessThan(1e-5);
      expect(sat.grads[0]).toBeLessThan(1e-6);
      await useBackend('wasm');
    });
  }

  it('every mistake variant differs from the reference on the graded logits', () => {
    tf.tidy(() => {
      const r = tf.tensor1d([200, -200, 1, -2]);
      const f = tf.tensor1d([-200, 200, 0.5]);
      for (const v of variants) {
        const d = (v.exports.discriminatorLoss ?? discriminatorLoss) as typeof discriminatorLoss;
        const g = (v.exports.generatorLoss ?? generatorLoss) as typeof generatorLoss;
        const diff = [maxAbsDiff(d(r, f), discriminatorLoss(r, f)), maxAbsDiff(g(f, true), generatorLoss(f, true)), maxAbsDiff(g(f, false), generatorLoss(f, false))];
        expect(diff.some((x) => !(x < 1e-3)), v.id).toBe(true);
      }
    });
  });
});

describe('buildGan', () => {
  it('builds [N, 8] → [N, 2] and [N, 2] → [N, 1], the same weights for the same seed', async () => {
    await expectNoLeak(() => {
      const a = buildGan(3);
      const b = buildGan(3);
      expect(a.generator.inputs[0]!.shape).toEqual([null, GAN_LATENT]);
      expect(a.generator.outputs[0]!.shape).toEqual([null, 2]);
      expect(a.discriminator.outputs[0]!.shape).toEqual([null, 1]);
      const wa = a.generator.getWeights()[0]!;
      const wb = b.generator.getWeights()[0]!;
      expect(maxAbsDiff(wa, wb)).toBe(0);
      for (const m of [a.generator, a.discriminator, b.generator, b.discriminator]) m.dispose();
    });
    expect(() => buildGan(1.5)).toThrow(/^buildGan: seed must be an integer/);
  });
});
