import * as tf from '@tensorflow/tfjs';
import { checkNumber, checkSameShape, checkTensor } from '../check.ts';

/**
 * The VAE's three pieces (notes 2.1.3): the reparameterised sample, the Gaussian KL to the
 * prior, and the ELBO with a Bernoulli decoder. Everything per example is a sum over
 * dimensions; the ELBO is the mean over the batch of the per-example bound.
 */

function checkBatch(who: string, name: string, x: unknown): asserts x is tf.Tensor2D {
  checkTensor(who, name, x);
  if (x.rank !== 2) throw new Error(`${who}: ${name} must be [N, D], but got shape [${x.shape.join(',')}]`);
}

/** z = μ + σ·ε with σ = exp(logVar / 2): the variance's log halved is the std's log. [N, L] */
export function reparameterize(mu: tf.Tensor, logVar: tf.Tensor, eps: tf.Tensor): tf.Tensor2D {
  checkBatch('reparameterize', 'mu', mu);
  checkBatch('reparameterize', 'logVar', logVar);
  checkBatch('reparameterize', 'eps', eps);
  checkSameShape('reparameterize', ['mu', mu], ['logVar', logVar]);
  checkSameShape('reparameterize', ['mu', mu], ['eps', eps]);
  return tf.tidy(() => tf.add(mu, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps)) as tf.Tensor2D);
}

/**
 * KL(N(μ, diag σ²) ‖ N(0, I)) per example: ½ Σ_j (σ_j² + μ_j² − 1 − log σ_j²). [N]
 */
export function gaussianKl(mu: tf.Tensor, logVar: tf.Tensor): tf.Tensor1D {
  checkBatch('gaussianKl', 'mu', mu);
  checkBatch('gaussianKl', 'logVar', logVar);
  checkSameShape('gaussianKl', ['mu', mu], ['logVar', logVar]);
  return tf.tidy(() => tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mu)), tf.add(logVar, 1)), 1).mul(0.5) as tf.Tensor1D);
}

/**
 * log p(x | logits) for a Bernoulli decoder, per example: Σ_d x_d·l_d − softplus(l_d)
 * (= Σ x log σ(l) + (1 − x) log(1 − σ(l)) without ever taking log of a rounded σ). [N]
 */
export function bernoulliLogLikelihood(x: tf.Tensor, logits: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.sub(tf.mul(x, logits), tf.softplus(logits)), 1) as tf.Tensor1D);
}

/**
 * The (β-)ELBO, mean over the batch: mean_i [log p(x_i | z_i) − β·KL(q(z | x_i) ‖ p(z))],
 * with the decoder's logits computed from one z per example. A scalar to maximise.
 */
export function elbo(x: tf.Tensor, decoderLogits: tf.Tensor, mu: tf.Tensor, logVar: tf.Tensor, beta: number): tf.Scalar {
  checkBatch('elbo', 'x', x);
  checkBatch('elbo', 'decoderLogits', decoderLogits);
  checkSameShape('elbo', ['x', x], ['decoderLogits', decoderLogits]);
  checkBatch('elbo', 'mu', mu);
  if (mu.shape[0] !== x.shape[0]) throw new Error(`elbo: mu must have one row per example of x (${x.shape[0]}), but got ${mu.shape[0]}`);
  checkNumber('elbo', 'beta', beta, 0);
  return tf.tidy(() => tf.sub(bernoulliLogLikelihood(x, decoderLogits), tf.mul(gaussianKl(mu, logVar), beta)).mean() as tf.Scalar);
}
