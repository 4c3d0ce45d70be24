import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { behaviourJudges } from '../judges/behaviour.ts';
import { loadManifest } from '../manifest/load.ts';
import { courseFiles } from '../course/files.ts';
import { REPO_ROOT } from '../paths.ts';
import { toWire } from '../sandbox/tensors.ts';
import { modelSeedProbe } from './model-probes.ts';

type Builder = (...a: number[]) => unknown;
const modelsOf = (b: unknown): tf.LayersModel[] => (b instanceof tf.LayersModel ? [b] : Object.values(b as object).filter((v): v is tf.LayersModel => v instanceof tf.LayersModel));

/** The seed check's verdict on a module's builder, called with `before` and then the seed. */
async function seedVerdict(id: string, file: string, exportName: string, before: number[]) {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, Builder>;
  const probe = modelSeedProbe((s) => mod[exportName]!(...before, s), modelsOf, 5);
  const value = toWire(probe);
  tf.dispose([probe.first, probe.again, probe.changed]);
  const check = loadManifest(id).checks.find((c) => c.task === 'modelSeed' || (c.task === 'seedProbe' && c.judge === 'seedMatters'))!;
  return behaviourJudges.seedMatters!({ cases: [{ label: `${exportName}(seed)`, args: [] }], values: [value], seed: 1, check, alpha: 0 });
}

const ref = (id: string) => path.join(REPO_ROOT, loadManifest(id).reference!);
const wrong = (id: string, name: string) => path.join(courseFiles.wrong(id), `${name}.ts`);

describe('model seed probe', () => {
  for (const [id, fn, before] of [['mlp', 'buildMlp', []], ['cnn', 'buildCnn', []], ['gan', 'buildGan', []], ['beta-vae', 'buildVae', [16]], ['cvae', 'buildCvae', [2, 10]]] as const) {
    it(`when ${id}'s reference builds with one seed twice and the next once then the same seed gives the same weights and the next others`, async () => {
      const j = await seedVerdict(id, ref(id), fn, [...before]);
      expect(j.passed, j.message).toBe(true);
    });
  }

  it('when the initialisers are seeded from a constant then the probe says the seed is ignored, naming the rule', async () => {
    for (const [id, fn, before] of [['mlp', 'buildMlp', []], ['cvae', 'buildCvae', [2, 10]]] as const) {
      const j = await seedVerdict(id, wrong(id, 'constant-seed'), fn, [...before]);
      expect(j.passed).toBe(false);
      expect(j.message).toMatch(/changing only the seed left the results exactly the same: the seed is ignored \(README: "Seed every initializer from `seed`"\)/);
    }
  });
});
