import path from 'node:path';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../manifest/load.ts';
import { courseFiles } from '../files.ts';
import { REPO_ROOT } from '../../paths.ts';
import { refuseBuiltInRing } from './built-in-ring.ts';

type BuildGan = (seed: number) => { generator: tf.LayersModel; discriminator: tf.LayersModel };

/** refuseBuiltInRing on what `file`'s buildGan(seed) builds; the models disposed. */
async function refusal(file: string, seed: number): Promise<string | undefined> {
  const built = ((await import(pathToFileURL(file).href)) as { buildGan: BuildGan }).buildGan(seed);
  try {
    refuseBuiltInRing({ generator: built.generator, latent: Number(built.generator.inputs[0]!.shape[1]) }, 2000, seed);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    built.generator.dispose();
    built.discriminator.dispose();
  }
}

describe('a ring built into the untrained generator', () => {
  it('when the reference and every correct fixture are built (seeds 1–5) then none is refused', async () => {
    const dir = courseFiles.correct('gan');
    for (const file of [path.join(REPO_ROOT, loadManifest('gan').reference!), ...readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f))]) {
      for (let seed = 1; seed <= 5; seed++) expect(await refusal(file, seed), `${file} seed ${seed}`).toBeUndefined();
    }
  });

  it('when the generator maps the noise onto the 8 centres by hand then it is refused, with its modes and share', async () => {
    expect(await refusal(path.join(courseFiles.wrong('gan'), 'ring-built-into-generator.ts'), 1)).toMatch(/covers the ring before any training: 8 of 8 modes, 9\d\.\d% of 2000 points within 0\.15 of a centre/);
  });
});
