import * as tf from '@tensorflow/tfjs';
import type { Variant } from '../variant.ts';

/** Per-example pieces as the mistakes write them; each variant swaps one for its wrong form. */
const kl = (mu: tf.Tensor, lv: tf.Tensor) => tf.tidy(() => tf.sum(tf.sub(tf.add(tf.exp(lv), tf.square(mu)), tf.add(lv, 1)), 1).mul(0.5));
const ll = (x: tf.Tensor, l: tf.Tensor) => tf.tidy(() => tf.sum(tf.sub(tf.mul(x, l), tf.softplus(l)), 1));
const elboOf = (llv: tf.Tensor, klv: tf.Tensor, beta: number) => tf.tidy(() => tf.sub(llv, tf.mul(klv, beta)).mean());

// log σ(l) and log(1 − σ(l)) as written: −Inf once σ rounds to 0 or 1 (|l| ≳ 17 for 1 − σ), and 0·(−Inf) = NaN.
const naiveLl = (x: tf.Tensor, l: tf.Tensor) => tf.tidy(() => tf.sum(tf.add(tf.mul(x, tf.log(tf.sigmoid(l))), tf.mul(tf.sub(1, x), tf.log(tf.sub(1, tf.sigmoid(l))))), 1));

export const variants: Variant[] = [
  {
    id: 'kl-sign',
    verdict: 'mistake',
    hint: 'Your output matches the KL with the wrong sign (−½ Σ (σ² + μ² − 1 − log σ²), or the ELBO adding β·KL): the KL to the prior is ½ Σ (σ² + μ² − 1 − log σ²) ≥ 0, and the ELBO subtracts it: log p(x | z) − β·KL.',
    exports: {
      gaussianKl: (mu: tf.Tensor, lv: tf.Tensor) => tf.tidy(() => kl(mu, lv).neg()),
      elbo: (x: tf.Tensor, l: tf.Tensor, mu: tf.Tensor, lv: tf.Tensor, beta: number) => tf.tidy(() => elboOf(ll(x, l), kl(mu, lv).neg(), beta)),
    },
  },
  {
    id: 'variance-as-std',
    verdict: 'mistake',
    hint: 'Your output matches exp(logVar) used as the standard deviation: logVar is log σ², so σ = exp(logVar / 2) (z = μ + exp(logVar / 2)·ε, and σ² = exp(logVar) in the KL).',
    exports: {
      reparameterize: (mu: tf.Tensor, lv: tf.Tensor, eps: tf.Tensor) => tf.tidy(() => tf.add(mu, tf.mul(tf.exp(lv), eps))),
      // logVar read as log σ: σ² = exp(2·logVar), log σ² = 2·logVar.
      gaussianKl: (mu: tf.Tensor, lv: tf.Tensor) => kl(mu, tf.mul(lv, 2)),
      elbo: (x: tf.Tensor, l: tf.Tensor, mu: tf.Tensor, lv: tf.Tensor, beta: number) => tf.tidy(() => elboOf(ll(x, l), kl(mu, tf.mul(lv, 2)), beta)),
    },
  },
  {
    id: 'std-without-half',
    verdict: 'mistake',
    hint: 'Your output matches z = μ + exp(logVar)/2 · ε, the variance halved: halve the log instead, σ = exp(logVar / 2) (the square root of the variance exp(logVar)).',
    exports: {
      reparameterize: (mu: tf.Tensor, lv: tf.Tensor, eps: tf.Tensor) => tf.tidy(() => tf.add(mu, tf.mul(tf.div(tf.exp(lv), 2), eps))),
    },
  },
  {
    id: 'kl-missing-half',
    verdict: 'mistake',
    hint: 'Your output matches the KL without its factor ½: KL = ½ Σ_j (σ_j² + μ_j² − 1 − log σ_j²).',
    exports: {
      gaussianKl: (mu: tf.Tensor, lv: tf.Tensor) => tf.tidy(() => kl(mu, lv).mul(2)),
      elbo: (x: tf.Tensor, l: tf.Tensor, mu: tf.Tensor, lv: tf.Tensor, beta: number) => tf.tidy(() => elboOf(ll(x, l), kl(mu, lv).mul(2), beta)),
    },
  },
  {
    id: 'kl-mean-over-latent',
    verdict: 'mistake',
    hint: 'Your output matches the KL averaged over the latent dimensions: it is a sum over them (the KL of independent coordinates adds up), one number per example.',
    exports: {
      gaussianKl: (mu: tf.Tensor, lv: tf.Tensor) => tf.tidy(() => kl(mu, lv).div(mu.shape[1]!)),
      elbo: (x: tf.Tensor, l: tf.Tensor, mu: tf.Tensor, lv: tf.Tensor, beta: number) => tf.tidy(() => elboOf(ll(x, l), kl(mu, lv).div(mu.shape[1]!), beta)),
    },
  },
  {
    id: 'beta-ignored',
    verdict: 'mistake',
    hint: 'Your output matches the ELBO with β ignored (always 1): the β-ELBO weighs the KL by β, log p(x | z) − β·KL.',
    exports: {
      elbo: (x: tf.Tensor, l: tf.Tensor, mu: tf.Tensor, lv: tf.Tensor) => elboOf(ll(x, l), kl(mu, lv), 1),
    },
  },
  {
    id: 'log-of-sigmoid',
    verdict: 'mistake',
    hint: 'Your output matches the Bernoulli log-likelihood computed as x·log(sigmoid(l)) + (1 − x)·log(1 − sigmoid(l)): −Inf or NaN once a logit passes ~17 in size, because σ rounds to exactly 0 or 1 in float32. Use x·l − softplus(l) (log σ(l) = −softplus(−l), log(1 − σ(l)) = −softplus(l)), or −tf.losses.sigmoidCrossEntropy summed over the pixels.',
    exports: {
      elbo: (x: tf.Tensor, l: tf.Tensor, mu: tf.Tensor, lv: tf.Tensor, beta: number) => elboOf(naiveLl(x, l), kl(mu, lv), beta),
    },
  },
  {
    id: 'sum-over-batch',
    verdict: 'mistake',
    hint: 'Your output matches the ELBO summed over the batch: take the mean over the examples (the bound is per example; a sum grows with the batch size).',
    exports: {
      elbo: (x: tf.Tensor, l: tf.Tensor, mu: tf.Tensor, lv: tf.Tensor, beta: number) => tf.tidy(() => tf.sub(ll(x, l), tf.mul(kl(mu, lv), beta)).sum()),
    },
  },
  {
    id: 'mean-over-pixels',
    verdict: 'mistake',
    hint: 'Your output matches the log-likelihood averaged over the pixels: log p(x | z) is a sum over the 784 pixels (independent Bernoullis); a mean shrinks it 784-fold against the KL.',
    exports: {
      elbo: (x: tf.Tensor, l: tf.Tensor, mu: tf.Tensor, lv: tf.Tensor, beta: number) => tf.tidy(() => elboOf(ll(x, l).div(x.shape[1]!), kl(mu, lv), beta)),
    },
  },
  {
    id: 'negative-elbo',
    verdict: 'mistake',
    hint: 'Your output matches −ELBO, the loss: elbo must return the bound itself, mean log p(x | z) − β·KL (≤ 0 for binary x), which the training loop negates.',
    exports: {
      elbo: (x: tf.Tensor, l: tf.Tensor, mu: tf.Tensor, lv: tf.Tensor, beta: number) => tf.tidy(() => elboOf(ll(x, l), kl(mu, lv), beta).neg()),
    },
  },
];
