import * as tf from '@tensorflow/tfjs';
import { NotImplemented } from '@course/harness';

/**
 * The reparameterised sample z = μ + σ·ε (notes 2.1.3), with σ = exp(logVar / 2).
 *
 * @param mu     [N, L] means of q(z | x)
 * @param logVar [N, L] log-variances log σ² of q(z | x)
 * @param eps    [N, L] standard-normal noise (given, so the result is deterministic)
 * @returns [N, L]
 */
export function reparameterize(mu: tf.Tensor, logVar: tf.Tensor, eps: tf.Tensor): tf.Tensor2D {
  throw new NotImplemented('reparameterize');
}

/**
 * KL(N(μ, diag σ²) ‖ N(0, I)) for each example, in closed form.
 *
 * @param mu     [N, L]
 * @param logVar [N, L] log σ²
 * @returns [N], one KL per example (summed over the L latent dimensions)
 */
export function gaussianKl(mu: tf.Tensor, logVar: tf.Tensor): tf.Tensor1D {
  throw new NotImplemented('gaussianKl');
}

/**
 * The β-ELBO with a Bernoulli decoder, mean over the batch:
 * mean_i [log p(x_i | z_i) − β·KL(q(z | x_i) ‖ p(z))], log p(x | z) summed over the pixels.
 * Stay finite for logits of any size.
 *
 * @param x             [N, D] binary data (0 or 1)
 * @param decoderLogits [N, D] the decoder's logits for one sample z_i per example
 * @param mu            [N, L] the encoder's means for those examples
 * @param logVar        [N, L] the encoder's log-variances
 * @param beta          weight of the KL term (≥ 0; 1 is the plain ELBO)
 * @returns a scalar, the bound to maximise (not the loss)
 */
export function elbo(x: tf.Tensor, decoderLogits: tf.Tensor, mu: tf.Tensor, logVar: tf.Tensor, beta: number): tf.Scalar {
  throw new NotImplemented('elbo');
}
