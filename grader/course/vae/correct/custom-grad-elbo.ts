import * as tf from '@tensorflow/tfjs';

// Correct, with the ELBO's backward pass written by hand in tf.customGrad (every tensor the
// gradient needs passed through save(), none closed over): ∂/∂l = (x − σ(l))/N,
// ∂/∂μ = −β·μ/N, ∂/∂logVar = −β·½(e^logVar − 1)/N; the KL in Kingma and Welling's form
// −½ Σ(1 + logVar − μ² − e^logVar), and everything as chained tensor methods.
export function reparameterize(mu: tf.Tensor, logVar: tf.Tensor, eps: tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => eps.mul(logVar.mul(0.5).exp()).add(mu) as tf.Tensor2D);
}

export function gaussianKl(mu: tf.Tensor, logVar: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => logVar.add(1).sub(mu.square()).sub(logVar.exp()).sum(1).mul(-0.5) as tf.Tensor1D);
}

export function elbo(x: tf.Tensor, decoderLogits: tf.Tensor, mu: tf.Tensor, logVar: tf.Tensor, beta: number): tf.Scalar {
  const bound = tf.customGrad((...args: unknown[]) => {
    const [xs, l, m, lv] = args as tf.Tensor[];
    const save = args[4] as (tensors: tf.Tensor[]) => void;
    save([xs!, l!, m!, lv!]);
    const n = xs!.shape[0]!;
    // log p(x | z) per example: Σ_d x·l − softplus(l), [N]
    const logLik = xs!.mul(l!).sub(l!.softplus()).sum(1);
    const value = logLik.sub(gaussianKl(m!, lv!).mul(beta)).sum().div(n) as tf.Scalar;
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, sl, sm, slv] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
      const scale = dy.div(n); // scalar
      return [
        tf.zerosLike(sx), // x is data: no gradient needed
        sx.sub(sl.sigmoid()).mul(scale),
        sm.mul(scale).mul(-beta),
        slv.exp().sub(1).mul(scale).mul(-0.5 * beta),
      ];
    };
    return { value, gradFunc };
  });
  return tf.tidy(() => bound(x, decoderLogits, mu, logVar) as tf.Scalar);
}
