import * as tf from '@tensorflow/tfjs';

/**
 * The kernels of an image model that training could never change what they contribute, read
 * before training on a few digits: a frozen kernel (trainable: false) and a trainable kernel
 * that gets no gradient from the loss (its layer's output multiplied by zero, a branch made
 * constant, ReLUs that are 0 for every input, e.g. a zero-initialised convolution). Such a model
 * passes the structure check's layer count while an MLP beside it does the work ("an MLP dressed
 * as a CNN"), or its residual / dense branch is x + 0.
 *
 * Zero-initialising a branch's last kernel (Fixup, zero-γ) is correct: that kernel itself gets a
 * gradient, and the kernels before it get one as soon as it moves. So a kernel that is all zero
 * and does get a gradient is given small seeded values for a second look (and restored), and
 * only the kernels still without a gradient then are inert.
 *
 * `x`: [N, 28, 28, 1] digits, `y`: [N, 10] one-hot labels. Draws nothing from Math.random (the
 * training after it stays as reproducible as before). Returns one phrase per inert kernel.
 */
export function inertKernels(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): string[] {
  const isKernel = (w: tf.LayerVariable) => /kernel/i.test(w.originalName ?? w.name);
  const frozen = model.nonTrainableWeights.filter(isKernel).map((w) => `${w.originalName ?? w.name} is frozen (trainable: false)`);
  const kernels = model.trainableWeights.filter(isKernel);
  const vars = kernels.map((w) => w.read() as tf.Variable);
  let dead = withoutGradient(model, vars, x, y);
  if (dead.some(Boolean)) {
    // Zero kernels that do learn (a branch's zero-initialised last layer) get seeded values for a second look.
    const learning = vars.filter((v, i) => !dead[i] && allZero(v));
    if (learning.length > 0) {
      const saved = learning.map((v) => v.clone());
      try {
        learning.forEach((v, i) => tf.tidy(() => v.assign(tf.randomNormal(v.shape, 0, 0.05, 'float32', 7 + i))));
        dead = withoutGradient(model, vars, x, y);
      } finally {
        learning.forEach((v, i) => v.assign(saved[i]!));
        tf.dispose(saved);
      }
    }
  }
  const inert = kernels.filter((_, i) => dead[i]).map((w) => `${w.originalName ?? w.name} gets no gradient from the loss`);
  return [...frozen, ...inert];
}

function allZero(v: tf.Tensor): boolean {
  return tf.tidy(() => v.abs().max().dataSync()[0] === 0);
}

/** For each variable: whether the loss's gradient w.r.t. it is missing or exactly zero. */
function withoutGradient(model: tf.LayersModel, vars: tf.Variable[], x: tf.Tensor, y: tf.Tensor): boolean[] {
  if (vars.length === 0) return [];
  return tf.tidy(() => {
    const loss = () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: false }) as tf.Tensor) as tf.Scalar;
    let grads: Record<string, tf.Tensor>;
    try {
      grads = tf.variableGrads(loss, vars).grads;
    } catch (e) {
      // tfjs throws when no variable at all is connected to the loss: every one is inert.
      if (/Cannot find a connection/.test(String((e as Error)?.message))) return vars.map(() => true);
      throw e;
    }
    return vars.map((v) => {
      const g = grads[v.name];
      return g === undefined || g.abs().max().dataSync()[0] === 0;
    });
  });
}
