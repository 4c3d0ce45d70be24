import * as tf from '@tensorflow/tfjs';

// Correct, with the functional API (tf.input, layer.apply, tf.model), the README's reference
// shapes, Glorot-uniform seeded differently from the reference (7919·seed + k), leaky ReLU as
// an activation layer, and the losses written with tf.softplus on the negated logits inline.
export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.softplus(realLogits.neg()).mean().add(tf.softplus(fakeLogits).mean()) as tf.Scalar);
}

export function generatorLoss(fakeLogits: tf.Tensor, nonSaturating: boolean): tf.Scalar {
  return tf.tidy(() => {
    if (nonSaturating) return tf.softplus(fakeLogits.neg()).mean() as tf.Scalar; // −mean log σ(a)
    return tf.softplus(fakeLogits).mean().neg() as tf.Scalar; // mean log(1 − σ(a))
  });
}

export function buildGan(seed: number): { generator: tf.LayersModel; discriminator: tf.LayersModel } {
  let k = 0;
  const dense = (units: number, activation?: 'relu') => tf.layers.dense({ units, activation, kernelInitializer: tf.initializers.glorotUniform({ seed: 7919 * seed + ++k }) });
  const z = tf.input({ shape: [8] });
  const g = dense(2).apply(dense(64, 'relu').apply(dense(64, 'relu').apply(z))) as tf.SymbolicTensor;
  const x = tf.input({ shape: [2] });
  let h = x as tf.SymbolicTensor;
  for (let i = 0; i < 2; i++) h = tf.layers.leakyReLU({ alpha: 0.2 }).apply(dense(64).apply(h)) as tf.SymbolicTensor;
  const logit = dense(1).apply(h) as tf.SymbolicTensor;
  return { generator: tf.model({ inputs: z, outputs: g }), discriminator: tf.model({ inputs: x, outputs: logit }) };
}
