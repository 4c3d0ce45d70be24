/**
 * The trained weights of the last VAE-family run, kept per implementation so that two checks of
 * one grade that train the same model for the same budget and seed (the cvae's ELBO and sample
 * checks) train it once. The weights are kept as plain Float32Arrays, not tensors, so nothing
 * counts as leaked between checks; the second check rebuilds the model with the builder and
 * loads them. Keyed by the implementation object: a sandbox holds one submission, and a new
 * submission (or the reference) is another object, so nothing crosses from one to another.
 */
import * as tf from '@tensorflow/tfjs';
import type { Impl } from '../../../tasks/types.ts';
import type { VaeModels } from './training.ts';

interface Kept {
  key: string;
  /** getWeights() of the encoder then the decoder, values and shapes. */
  weights: { shape: number[]; values: Float32Array }[][];
}

const kept = new WeakMap<Impl, Kept>();

function snapshot(m: tf.LayersModel): Kept['weights'][number] {
  return m.getWeights().map((w) => ({ shape: w.shape.slice(), values: Float32Array.from(w.dataSync() as Float32Array) }));
}

/** Remembers `m`'s trained weights for `impl` under `key` (one entry per implementation: the last run). */
export function keepTrained(impl: Impl, key: string, m: VaeModels): void {
  kept.set(impl, { key, weights: [snapshot(m.encoder), snapshot(m.decoder)] });
}

/**
 * Loads the weights kept for `impl` under `key` into the freshly built `m`; true when it did.
 * False (and `m` untouched) when nothing is kept for that key or the model's weights do not have
 * the kept shapes (a builder that builds something else on a second call): the caller trains.
 */
export function restoreTrained(impl: Impl, key: string, m: VaeModels): boolean {
  const k = kept.get(impl);
  if (!k || k.key !== key) return false;
  const models = [m.encoder, m.decoder];
  const fits = models.every((model, i) => {
    const now = model.getWeights();
    const was = k.weights[i]!;
    return now.length === was.length && now.every((w, j) => w.shape.join(',') === was[j]!.shape.join(','));
  });
  if (!fits) return false;
  models.forEach((model, i) => {
    const ts = k.weights[i]!.map((w) => tf.tensor(w.values, w.shape));
    try {
      model.setWeights(ts);
    } finally {
      tf.dispose(ts);
    }
  });
  return true;
}
