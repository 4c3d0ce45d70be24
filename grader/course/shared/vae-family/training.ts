/**
 * The one training loop of the VAE family (vae, beta-vae, inpainting, cvae). It runs in the
 * sandbox around the implementation under test, so it may not import the answer key: the
 * grader's own ELBO pieces below are the textbook formulas, written once for all four tasks.
 *
 * Model convention (every README of the family states it):
 * - encoder: [N, 784] → [N, 2L], columns 0..L−1 the mean μ, columns L..2L−1 log σ²;
 *   conditional (cvae): two inputs [x [N, 784], y [N, C] one-hot] → [N, 2L].
 * - decoder: [N, L] → [N, 784] Bernoulli logits (no sigmoid); conditional: [z, y] → logits.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../../basics/rng.ts';
import { layerSeed } from '../../../../reference/support/layer-seed.ts';
import type { Impl } from '../../../tasks/types.ts';
import { reportProgress } from '../../../tasks/progress.ts';
import { disposeStudentModel } from '../../../tasks/dispose-model.ts';

/** The ELBO's pieces a training run uses: the student's (vae exercise) or the grader's. */
export interface ElboPieces {
  reparameterize(mu: tf.Tensor, logVar: tf.Tensor, eps: tf.Tensor): tf.Tensor;
  elbo(x: tf.Tensor, logits: tf.Tensor, mu: tf.Tensor, logVar: tf.Tensor, beta: number): tf.Tensor;
}

/** KL(N(μ, diag e^logVar) ‖ N(0, I)) per example: [N]. */
function klPerExample(mu: tf.Tensor, logVar: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.sub(tf.add(tf.exp(logVar), tf.square(mu)), tf.add(logVar, 1)), 1).mul(0.5) as tf.Tensor1D);
}

/** Bernoulli log-likelihood per example from logits, Σ x·l − softplus(l): [N]. */
function logLikelihoodPerExample(x: tf.Tensor, logits: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.sub(tf.mul(x, logits), tf.softplus(logits)), 1) as tf.Tensor1D);
}

/** The grader's own pieces: used to train the models of beta-vae, cvae and inpainting. */
export const graderPieces: ElboPieces = {
  reparameterize: (mu, logVar, eps) => tf.tidy(() => tf.add(mu, tf.mul(tf.exp(tf.mul(logVar, 0.5)), eps))),
  elbo: (x, logits, mu, logVar, beta) => tf.tidy(() => tf.sub(logLikelihoodPerExample(x, logits), tf.mul(klPerExample(mu, logVar), beta)).mean()),
};

/** The student's reparameterize and elbo, checked for existence (the vae exercise). */
export function studentPieces(impl: Impl): ElboPieces {
  for (const k of ['reparameterize', 'elbo'] as const) if (typeof impl[k] !== 'function') throw new TypeError(`${k} is not exported as a function`);
  return { reparameterize: impl.reparameterize, elbo: impl.elbo };
}

export interface VaeBudget {
  /** Adam steps, one minibatch each. */
  steps: number;
  batchSize: number;
  lr: number;
  /** Latent size L handed to buildVae / buildCvae (and used by the grader's own model). */
  latent: number;
  /** Hidden width of the grader's own MLP (vae and inpainting exercises). */
  hidden: number;
}

export function vaeBudget(b: Record<string, unknown> | undefined): VaeBudget {
  const out = { steps: Number(b?.steps), batchSize: Number(b?.batchSize), lr: Number(b?.lr), latent: Number(b?.latent), hidden: Number(b?.hidden ?? 256) };
  if (!(out.steps > 0 && out.batchSize > 0 && out.lr > 0 && Number.isInteger(out.latent) && out.latent > 0)) throw new Error('grader: a VAE training check needs budget {steps, batchSize, lr, latent}');
  return out;
}

export interface VaeModels {
  encoder: tf.LayersModel;
  decoder: tf.LayersModel;
  latent: number;
  /** Number of classes of the one-hot label both models also take; 0 for an unconditional VAE. */
  classes: number;
}

/** The VAE family's layer seeds: their own salt, so the grader's VAE never shares a student model's initial weights. */
const VAE_SEED_SALT = 0x5bd1e995;
const vaeLayerSeed = (seed: number, i: number) => layerSeed(seed, i, VAE_SEED_SALT);

/**
 * The grader's fixed MLP VAE (the vae and inpainting exercises): encoder 784 → hidden (ReLU)
 * → 2L, decoder L → hidden (ReLU) → 784 logits, Glorot-uniform from `seed`.
 */
export function graderVae(latent: number, hidden: number, seed: number): VaeModels {
  const dense = (units: number, i: number, activation: 'relu' | 'linear', inputDim?: number) =>
    tf.layers.dense({ units, activation, kernelInitializer: tf.initializers.glorotUniform({ seed: vaeLayerSeed(seed, i) }), ...(inputDim ? { inputShape: [inputDim] } : {}) });
  const encoder = tf.sequential({ name: 'encoder', layers: [dense(hidden, 0, 'relu', 784), dense(2 * latent, 1, 'linear')] });
  const decoder = tf.sequential({ name: 'decoder', layers: [dense(hidden, 2, 'relu', latent), dense(784, 3, 'linear')] });
  return { encoder, decoder, latent, classes: 0 };
}

const shapeText = (s: unknown): string => (Array.isArray(s) ? `[${s.map((d) => (d === null ? 'null' : String(d))).join(', ')}]` : String(s));

function describe(v: unknown): string {
  return v === undefined ? 'undefined' : v === null ? 'null' : typeof v === 'object' ? `a ${v.constructor?.name ?? 'plain object'}` : typeof v;
}

/**
 * Throws a message the student can act on unless `built` is {encoder, decoder} following the
 * family's convention for latent size `latent` and `classes` label classes (0: unconditional).
 */
export function checkVaeModels(built: unknown, who: string, latent: number, classes: number): VaeModels {
  const b = built as { encoder?: unknown; decoder?: unknown } | null | undefined;
  for (const k of ['encoder', 'decoder'] as const) {
    if (!(b?.[k] instanceof tf.LayersModel)) throw new TypeError(`${who} must return {encoder, decoder}, two tf.LayersModel; ${k} is ${describe(b?.[k])}`);
  }
  const encoder = b!.encoder as tf.LayersModel;
  const decoder = b!.decoder as tf.LayersModel;
  const nIn = classes > 0 ? 2 : 1;
  const inputs = (m: tf.LayersModel) => m.inputs.map((t) => shapeText(t.shape)).join(' and ');
  const want = (first: string) => (classes > 0 ? `two inputs, ${first} and the label [null, ${classes}]` : `one input, ${first}`);
  const lastDim = (m: tf.LayersModel, i: number) => m.inputs[i]!.shape[m.inputs[i]!.shape.length - 1];
  if (encoder.inputs.length !== nIn || lastDim(encoder, 0) !== 784 || (classes > 0 && lastDim(encoder, 1) !== classes)) {
    throw new Error(`the encoder must take ${want('images [null, 784]')}, but its input shape is ${inputs(encoder)}`);
  }
  if (decoder.inputs.length !== nIn || lastDim(decoder, 0) !== latent || (classes > 0 && lastDim(decoder, 1) !== classes)) {
    throw new Error(`the decoder must take ${want(`codes [null, ${latent}] (latentDim = ${latent})`)}, but its input shape is ${inputs(decoder)}`);
  }
  const eo = encoder.outputs[0]!.shape;
  if (encoder.outputs.length !== 1 || eo.length !== 2 || eo[1] !== 2 * latent) throw new Error(`the encoder must output [null, ${2 * latent}] (μ then log σ², latentDim = ${latent}), but its output shape is ${shapeText(eo)}`);
  const dout = decoder.outputs[0]!.shape;
  if (decoder.outputs.length !== 1 || dout.length !== 2 || dout[1] !== 784) throw new Error(`the decoder must output [null, 784] logits, but its output shape is ${shapeText(dout)}`);
  if (encoder.trainableWeights.length === 0 || decoder.trainableWeights.length === 0) throw new Error(`${who}'s models must have trainable weights`);
  return { encoder, decoder, latent, classes };
}

export function disposeModels(built: unknown): void {
  const b = built as { encoder?: unknown; decoder?: unknown } | null | undefined;
  for (const m of [b?.encoder, b?.decoder]) disposeStudentModel(m);
}

/** Encoder's (μ, log σ²), each [N, L]; `y` the one-hot labels for a conditional model. */
export function encode(m: VaeModels, x: tf.Tensor, y: tf.Tensor | undefined, training = false): { mu: tf.Tensor2D; logVar: tf.Tensor2D } {
  return tf.tidy(() => {
    const h = m.encoder.apply(m.classes > 0 ? [x, y!] : x, { training }) as tf.Tensor2D; // [N, 2L]
    const [mu, logVar] = tf.split(h, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
    return { mu, logVar };
  });
}

/** Decoder's Bernoulli logits [N, 784] for codes z [N, L]. */
export function decode(m: VaeModels, z: tf.Tensor, y: tf.Tensor | undefined, training = false): tf.Tensor2D {
  return m.decoder.apply(m.classes > 0 ? [z, y!] : z, { training }) as tf.Tensor2D;
}

function lossScalar(v: unknown): tf.Scalar {
  if (!(v instanceof tf.Tensor) || v.size !== 1) throw new TypeError(`elbo must return a scalar tensor, but returned ${v instanceof tf.Tensor ? `shape ${shapeText(v.shape)}` : describe(v)}`);
  return v.reshape([]) as tf.Scalar;
}

/**
 * Trains `m` in place: Adam on −ELBO(β) (the pieces' own reparameterize and elbo), minibatches
 * of `images` ([N, 784] binary) drawn with replacement from a seeded stream, ε ~ N(0, I).
 * `labels` ([N, C] one-hot) for a conditional model. Returns the loss every 100 steps.
 */
export function trainVae(m: VaeModels, pieces: ElboPieces, images: tf.Tensor2D, labels: tf.Tensor2D | undefined, budget: VaeBudget, beta: number, seed: number): number[] {
  const rng = new Rng(`vae-training/${seed}/${beta}`);
  const batches = rng.fork('batches');
  const noise = rng.fork('noise');
  const vars = [...m.encoder.trainableWeights, ...m.decoder.trainableWeights].map((w) => w.read() as tf.Variable);
  const opt = tf.train.adam(budget.lr);
  const log: number[] = [];
  try {
    const n = images.shape[0];
    for (let step = 0; step < budget.steps; step++) {
      const idx = tf.tensor1d(batches.ints(budget.batchSize, 0, n), 'int32');
      const x = tf.gather(images, idx);
      const y = labels ? tf.gather(labels, idx) : undefined;
      const eps = tf.randomNormal([budget.batchSize, m.latent], 0, 1, 'float32', noise.seed32());
      const wantLoss = step % 100 === 0 || step === budget.steps - 1;
      try {
        const loss = opt.minimize(() => {
          const { mu, logVar } = encode(m, x, y, true);
          const z = pieces.reparameterize(mu, logVar, eps);
          if (!(z instanceof tf.Tensor) || z.shape.join(',') !== mu.shape.join(',')) throw new TypeError(`reparameterize must return a tensor of μ's shape ${shapeText(mu.shape)}, but returned ${z instanceof tf.Tensor ? shapeText(z.shape) : describe(z)}`);
          return lossScalar(pieces.elbo(x, decode(m, z, y, true), mu, logVar, beta)).neg();
        }, wantLoss, vars);
        if (loss) {
          const v = loss.dataSync()[0]!;
          loss.dispose();
          if (!Number.isFinite(v)) throw new Error(`the training loss became ${v} at step ${step} (−ELBO from your functions): check for log of 0 or exp overflow`);
          log.push(v);
        }
        reportProgress(step + 1, budget.steps, 'step', log.length > 0 ? `−ELBO ${log[log.length - 1]!.toFixed(1)}` : undefined);
      } finally {
        tf.dispose([idx, x, eps]);
        if (y) y.dispose();
      }
    }
    return log;
  } finally {
    opt.dispose();
  }
}

/**
 * The β = 1 ELBO of each test image, computed by the grader's formulas with one seeded
 * z ~ q(z | x) per image: { logLikelihood [M], kl [M] } (the ELBO is their difference).
 */
export function evaluateElbo(m: VaeModels, images: tf.Tensor2D, labels: tf.Tensor2D | undefined, seed: number, batchSize = 500): { logLikelihood: tf.Tensor1D; kl: tf.Tensor1D } {
  const noise = new Rng(`vae-evaluation/${seed}`);
  const lls: tf.Tensor1D[] = [];
  const kls: tf.Tensor1D[] = [];
  const n = images.shape[0];
  for (let i = 0; i < n; i += batchSize) {
    const b = Math.min(batchSize, n - i);
    const eps = tf.randomNormal([b, m.latent], 0, 1, 'float32', noise.seed32());
    const [ll, kl] = tf.tidy(() => {
      const x = images.slice(i, b);
      const y = labels?.slice(i, b);
      const { mu, logVar } = encode(m, x, y);
      const z = graderPieces.reparameterize(mu, logVar, eps);
      return [logLikelihoodPerExample(x, decode(m, z, y)), klPerExample(mu, logVar)];
    });
    eps.dispose();
    lls.push(ll!);
    kls.push(kl!);
  }
  const out = { logLikelihood: tf.concat(lls) as tf.Tensor1D, kl: tf.concat(kls) as tf.Tensor1D };
  tf.dispose([...lls, ...kls]);
  return out;
}

/**
 * Decoder means σ(logits) for `perClass` seeded codes z ~ N(0, I) per class of a conditional
 * model: images [classes·perClass, 784] (class-major) and their labels [classes·perClass] int32.
 */
export function sampleEachClass(m: VaeModels, perClass: number, seed: number): { images: tf.Tensor2D; labels: tf.Tensor1D } {
  const n = m.classes * perClass;
  const labels = Int32Array.from({ length: n }, (_, i) => Math.floor(i / perClass));
  const z = tf.randomNormal([n, m.latent], 0, 1, 'float32', new Rng(`vae-samples/${seed}`).seed32());
  const y = tf.tensor1d(labels, 'int32');
  const images = tf.tidy(() => tf.sigmoid(decode(m, z, tf.oneHot(y, m.classes).toFloat())) as tf.Tensor2D);
  z.dispose();
  return { images, labels: y };
}
