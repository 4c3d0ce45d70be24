import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../manifest/load.ts';
import { courseFiles } from '../course/files.ts';
import { REPO_ROOT } from '../paths.ts';
import { summariseModel } from '../tasks/model-summary.ts';
import { structureJudges } from './structure.ts';

/** The model a module's builder makes (seed 3), summarised and judged by the exercise's structure check. */
async function judgeModule(id: string, file: string, part?: string) {
  const check = loadManifest(id).checks.find((c) => c.judge === 'modelStructure' && c.output === part)!;
  const mod = (await import(pathToFileURL(file).href)) as Record<string, (...a: number[]) => unknown>;
  const before = ({ 'beta-vae': [16], cvae: [2, 10] } as Record<string, number[]>)[id] ?? [];
  const built = mod[check.export!]!(...before, 3);
  const models = built instanceof tf.LayersModel ? [built] : Object.values(built as object).filter((m): m is tf.LayersModel => m instanceof tf.LayersModel);
  try {
    const summary = summariseModel(part ? (built as Record<string, tf.LayersModel>)[part]! : (built as tf.LayersModel));
    return structureJudges.modelStructure!({ cases: [], values: [summary as never], seed: 1, check, alpha: 0 });
  } finally {
    for (const m of models) m.dispose();
  }
}

const wrong = (id: string, name: string) => path.join(courseFiles.wrong(id), `${name}.ts`);

describe('structure judge on real models', () => {
  for (const [id, part] of [['mlp'], ['cnn'], ['resnet'], ['densenet'], ['gan', 'discriminator'], ['beta-vae', 'encoder'], ['beta-vae', 'decoder'], ['cvae', 'decoder']] as [string, string?][]) {
    it(`when ${id}'s reference model${part ? ` (${part})` : ''} is judged then it has what the README requires`, async () => {
      const j = await judgeModule(id, path.join(REPO_ROOT, loadManifest(id).reference!), part);
      expect(j.passed, j.message).toBe(true);
    });
  }

  for (const [id, name, part] of [['gan', 'discriminator-sigmoid', 'discriminator'], ['beta-vae', 'sigmoid-decoder', 'decoder']] as const) {
    it(`when ${id}/${name} is judged then the ${part} check says it applies a sigmoid, naming the rule`, async () => {
      const j = await judgeModule(id, wrong(id, name), part);
      expect(j.passed).toBe(false);
      expect(j.message).toMatch(/lacks logits at the output \(a linear last layer\): .*applies sigmoid.*README: ".*\(no sigmoid\)"/);
    });
  }

  const cases: [string, string, RegExp][] = [
    ['resnet', 'blocks-without-add', /lacks a tf\.layers\.add layer \(it has 0\).*a residual connection.*README: "with at least one residual block made of layers"/],
    ['resnet', 'add-of-parallel-branches', /lacks a residual connection: .*tensors neither of which is computed from the other/],
    ['densenet', 'blocks-without-concat', /lacks a tf\.layers\.concatenate layer \(it has 0\).*a dense connection/],
    ['mlp', 'no-nonlinearity', /lacks a nonlinearity between the layers/],
    ['cnn', 'softmax-output', /lacks logits at the output \(a linear last layer\): .*applies softmax/],
    ['cnn', 'convs-without-relu', /lacks a ReLU on every tf\.layers\.conv2d layer/],
    ['cnn', 'seeded-dropout', /lacks unseeded dropout: dropout\w* has seed \d+/],
    ['mlp', 'same-seed-every-layer', /lacks a different initializer seed per layer: dense\w* and dense\w* share seed 3/],
  ];
  for (const [id, name, message] of cases) {
    it(`when ${id}/${name} is judged then the structure check fails saying what is missing`, async () => {
      const file = wrong(id, name);
      expect(fs.existsSync(file)).toBe(true);
      const j = await judgeModule(id, file);
      expect(j.passed).toBe(false);
      expect(j.message).toMatch(message);
      expect(j.message).toMatch(/It has: .*parameters\)$/);
    });
  }
});
