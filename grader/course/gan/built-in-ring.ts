import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../basics/rng.ts';
import { HQ_STDS, MIN_HIGH_QUALITY, MIN_MODES, RING_SHAPE, ringScores } from './ring-scores.ts';

/**
 * Throws when buildGan's generator covers the ring before any training, by the ring check's own
 * bars: the ring is then built into the generator (hand-set weights mapping noise onto the 8
 * centres, which the README publishes) rather than learned by the GAN, and the check after
 * training would pass whatever the losses and the loop did. A seeded random initialisation puts
 * its points in a small cloud around the origin, far from every centre (0 modes, ~0%).
 * Reads `samples` points from noise of its own seed (no draw from the loop's streams or Math.random).
 */
export function refuseBuiltInRing<M extends { generator: tf.LayersModel; latent: number }>(m: M, samples: number, seed: number): M {
  const points = tf.tidy(() => {
    const z = tf.randomNormal([samples, m.latent], 0, 1, 'float32', new Rng(`gan/${seed}/untrained`).seed32());
    return (m.generator.predict(z) as tf.Tensor).dataSync();
  });
  const s = ringScores(points);
  if (s.modesCovered >= MIN_MODES && s.highQuality >= MIN_HIGH_QUALITY) {
    throw new Error(`buildGan's generator covers the ring before any training: ${s.modesCovered} of ${RING_SHAPE.modes} modes, ${(100 * s.highQuality).toFixed(1)}% of ${s.n} points within ${+(HQ_STDS * RING_SHAPE.std).toFixed(4)} of a centre, the bars the check asks after training. The ring must be learned by the GAN from the data, not built into the generator's initial weights: initialise its layers at random from the seed (e.g. glorotUniform({seed}))`);
  }
  return m;
}
