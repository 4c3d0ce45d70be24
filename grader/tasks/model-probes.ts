import * as tf from '@tensorflow/tfjs';
import { disposeStudentModel } from './dispose-model.ts';

/**
 * A model's weights in a few numbers per weight tensor: [sum, sum of squares, first, last] each
 * (float32, in the order of `model.weights`). Two models from the same seeded initialisers give
 * bit-identical fingerprints; different draws differ in all four almost surely.
 */
/** The names of the weights `weightsFingerprint` covers, in its order (4 numbers each). */
export function fingerprintNames(models: tf.LayersModel[]): string[] {
  return models.flatMap((m) => m.weights.filter((w) => w.shape.reduce<number>((a, b) => a * (b ?? 0), 1) > 0).map((w) => w.originalName ?? w.name));
}

export function weightsFingerprint(models: tf.LayersModel[]): tf.Tensor1D {
  return tf.tidy(() => {
    const parts: tf.Tensor[] = [];
    for (const m of models) {
      for (const w of m.weights) {
        const v = w.read().toFloat().flatten(); // [size]
        if (v.size === 0) continue;
        parts.push(tf.stack([tf.sum(v), tf.sum(tf.square(v)), v.slice([0], [1]).reshape([]), v.slice([v.size - 1], [1]).reshape([])]));
      }
    }
    return parts.length > 0 ? (tf.concat(parts) as tf.Tensor1D) : tf.zeros([0]);
  });
}

/**
 * "Seed every initializer from `seed`, so that the same seed gives the same model": builds the
 * model(s) with the seed twice and with seed + 1, and returns their fingerprints
 * ({first, again, changed}, judged by `seedMatters`). `modelsOf` reads the LayersModels out of
 * what the build returned (and throws with the README's words when it cannot); every model built is disposed.
 */
export function modelSeedProbe(build: (seed: number) => unknown, modelsOf: (built: unknown) => tf.LayersModel[], seed: number): { first: tf.Tensor1D; again: tf.Tensor1D; changed: tf.Tensor1D; names: string[] } {
  let names: string[] = [];
  const one = (s: number): tf.Tensor1D => {
    const built = build(s);
    const models = modelsOf(built);
    try {
      names = fingerprintNames(models);
      return weightsFingerprint(models);
    } finally {
      for (const m of models) disposeStudentModel(m);
    }
  };
  const first = one(seed), again = one(seed), changed = one(seed + 1);
  return { first, again, changed, names };
}
