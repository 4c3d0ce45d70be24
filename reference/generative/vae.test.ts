import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../grader/basics/rng.ts';
import { expectNoLeak, useBackend } from '../../test/tf-setup.ts';
import { allFinite, maxAbsDiff, maxRelDiff } from '../testing/oracle.ts';
import { bernoulliLogLikelihood, elbo, gaussianKl, reparameterize } from './vae.ts';
import { variants } from './vae.variants.ts';

beforeAll(async () => {
  await useBackend('wasm');
});

describe('gaussianKl', () => {
  it('matches a Monte Carlo estimate of E_q[log q(z) − log p(z)] in float64 (200,000 draws, within 5 standard errors)', async () => {
    // One example, 3 latent dimensions; the estimator never uses the closed form.
    const mu = [0.7, -1.2, 0.1];
    const logVar = [0.4, -1.5, 1.1];
    const rng = new Rng('vae-kl-monte-carlo');
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    const logNormal = (z: number, m: number, v: number) => -0.5 * (Math.log(2 * Math.PI * v) + ((z - m) * (z - m)) / v);
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < 3; j++) {
        const v = Math.exp(logVar[j]!);
        const z = mu[j]! + Math.sqrt(v) * rng.normal();
        d += logNormal(z, mu[j]!, v) - logNormal(z, 0, 1);
      }
      s += d;
      s2 += d * d;
    }
    const est = s / n;
    const se = Math.sqrt((s2 / n - est * est) / n);
    const got = await expectNoLeak(() => tf.tidy(() => gaussianKl(tf.tensor2d([mu]), tf.tensor2d([logVar])).dataSync()[0]!));
    expect(Math.abs(got - est), `KL ${got} vs Monte Carlo ${est} ± ${se}`).toBeLessThan(5 * se);
  });

  it('is 0 at the prior, grows with |μ|, and is one value per example', () => {
    tf.tidy(() => {
      const kl = gaussianKl(tf.tensor2d([[0, 0], [1, 0], [2, 0]]), tf.zeros([3, 2]));
      expect(kl.shape).toEqual([3]);
      // With σ = 1 the KL is ½|μ|² (textbook: the KL between unit Gaussians is half the squared distance).
      expect(maxAbsDiff(kl, [0, 0.5, 2])).toBeLessThan(1e-6);
    });
  });
});

describe('bernoulliLogLikelihood and elbo', () => {
  it('the log-likelihood is −(sum of tf.losses.sigmoidCrossEntropy over the pixels), and finite at logits ±1000', () => {
    tf.tidy(() => {
      const rng = new Rng('vae-bernoulli');
      const x = tf.tensor2d(Array.from(rng.uniforms(60), (u) => (u < 0.4 ? 1 : 0)), [6, 10]);
      const l = tf.tensor2d(rng.normals(60, 0, 4), [6, 10]);
      const ce = tf.losses.sigmoidCrossEntropy(x, l, undefined, 0, tf.Reduction.NONE).sum(1);
      expect(maxRelDiff(bernoulliLogLikelihood(x, l), ce.neg(), 1)).toBeLessThan(1e-5);
      const big = tf.tensor2d([[1000, -1000, 1000, -1000]]);
      const xb = tf.tensor2d([[1, 0, 0, 1]]);
      // log σ(1000) = 0, log(1 − σ(−1000)) = 0, log(1 − σ(1000)) = −1000, log σ(−1000) = −1000.
      expect(maxAbsDiff(bernoulliLogLikelihood(xb, big), [-2000])).toBeLessThan(1e-3);
    });
  });

  it('elbo is the batch mean of log p(x | z) − β·KL computed in float64 from the textbook Bernoulli pmf', async () => {
    const rng = new Rng('vae-elbo');
    const [n, d, k] = [5, 7, 3];
    const x = Array.from(rng.uniforms(n * d), (u) => (u < 0.5 ? 1 : 0));
    const l = Array.from(rng.normals(n * d, 0, 2));
    const mu = Array.from(rng.normals(n * k));
    const lv = Array.from(rng.uniforms(n * k, -2, 1));
    for (const beta of [0, 1, 3.5]) {
      let want = 0;
      for (let i = 0; i < n; i++) {
        let ll = 0;
        for (let j = 0; j < d; j++) {
          const p = 1 / (1 + Math.exp(-l[i * d + j]!));
          ll += Math.log(x[i * d + j] ? p : 1 - p);
        }
        let kl = 0;
        for (let j = 0; j < k; j++) {
          const [m, v] = [mu[i * k + j]!, lv[i * k + j]!];
          kl += 0.5 * (Math.exp(v) + m * m - 1 - v);
        }
        want += (ll - beta * kl) / n;
      }
      const got = await expectNoLeak(() => tf.tidy(() => elbo(tf.tensor2d(x, [n, d]), tf.tensor2d(l, [n, d]), tf.tensor2d(mu, [n, k]), tf.tensor2d(lv, [n, k]), beta).dataSync()[0]!));
      expect(Math.abs(got - want), `beta ${beta}`).toBeLessThan(1e-4);
    }
  });

  it('rejects bad input with a message that names the argument', () => {
    tf.tidy(() => {
      expect(() => elbo(tf.zeros([2, 3]), tf.zeros([2, 4]), tf.zeros([2, 1]), tf.zeros([2, 1]), 1)).toThrow(/decoderLogits must have the shape of x/);
      expect(() => elbo(tf.zeros([2, 3]), tf.zeros([2, 3]), tf.zeros([2, 1]), tf.zeros([2, 1]), -1)).toThrow(/beta/);
      expect(() => gaussianKl(tf.zeros([2, 3]), tf.zeros([2, 2]))).toThrow(/logVar must have the shape of mu/);
    });
  });
});

describe('reparameterize', () => {
  it('values and gradients match the textbook μ + sqrt(exp(logVar))·ε differentiated by tf.grads', () => {
    tf.tidy(() => {
      const rng = new Rng('vae-reparameterize');
      const mu = tf.tensor2d(rng.normals(12), [4, 3]);
      const lv = tf.tensor2d(rng.uniforms(12, -4, 2), [4, 3]);
      const eps = tf.tensor2d(rng.normals(12), [4, 3]);
      const c = tf.tensor2d(rng.normals(12), [4, 3]);
      const textbook = (m: tf.Tensor, v: tf.Tensor) => tf.add(m, tf.mul(tf.sqrt(tf.exp(v)), eps));
      const ours = (m: tf.Tensor, v: tf.Tensor) => reparameterize(m, v, eps);
      expect(maxRelDiff(ours(mu, lv), textbook(mu, lv), 1)).toBeLessThan(1e-6);
      const g1 = tf.grads((m: tf.Tensor, v: tf.Tensor) => tf.sum(tf.mul(ours(m, v), c)))([mu, lv]);
      const g2 = tf.grads((m: tf.Tensor, v: tf.Tensor) => tf.sum(tf.mul(textbook(m, v), c)))([mu, lv]);
      expect(maxRelDiff(g1[0]!, g2[0]!, 1)).toBeLessThan(1e-6);
      expect(maxRelDiff(g1[1]!, g2[1]!, 1)).toBeLessThan(1e-5);
    });
  });

  it('the sample has mean μ and variance exp(logVar) (1-D, 100,000 draws, within 5 standard errors)', () => {
    tf.tidy(() => {
      const n = 100_000;
      const z = reparameterize(tf.fill([n, 1], 1.5), tf.fill([n, 1], Math.log(0.25)), tf.randomNormal([n, 1], 0, 1, 'float32', 7)).dataSync();
      let s = 0;
      let s2 = 0;
      for (const v of z) {
        s += v;
        s2 += v * v;
      }
      const m = s / n;
      const v = s2 / n - m * m;
      expect(Math.abs(m - 1.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
      // Var of the sample variance of a normal: 2σ⁴/n.
      expect(Math.abs(v - 0.25)).toBeLessThan(5 * Math.sqrt((2 * 0.25 * 0.25) / n));
    });
  });
});

describe('vae variants', () => {
  it('each mistake differs from the reference on some case it is graded on (so its hint can only fire on a wrong answer)', () => {
    tf.tidy(() => {
      const rng = new Rng('vae-variants');
      const x = tf.tensor2d(Array.from(rng.uniforms(32), (u) => (u < 0.5 ? 1 : 0)), [4, 8]);
      const l = tf.tensor2d([...rng.normals(24, 0, 3), 200, -200, 50, -50, 0, 20, -20, 1], [4, 8]);
      const mu = tf.tensor2d(rng.normals(12), [4, 3]);
      const lv = tf.tensor2d(rng.normals(12), [4, 3]);
      const eps = tf.tensor2d(rng.normals(12), [4, 3]);
      for (const v of variants) {
        const r = (v.exports.reparameterize ?? reparameterize) as typeof reparameterize;
        const k = (v.exports.gaussianKl ?? gaussianKl) as typeof gaussianKl;
        const e = (v.exports.elbo ?? elbo) as typeof elbo;
        const diff = [
          maxAbsDiff(r(mu, lv, eps), reparameterize(mu, lv, eps)),
          maxAbsDiff(k(mu, lv), gaussianKl(mu, lv)),
          ...[0.5, 1, 4].map((b) => maxAbsDiff(e(x, l, mu, lv, b), elbo(x, l, mu, lv, b))),
        ];
        expect(diff.some((d) => !(d < 1e-3)), v.id).toBe(true);
      }
      expect(allFinite(elbo(x, l, mu, lv, 1))).toBe(true);
    });
  });
});
