import path from 'node:path';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../manifest/load.ts';
import { courseFiles } from '../files.ts';
import { REPO_ROOT } from '../../paths.ts';
import { inertKernels } from './inert-weights.ts';

const BUILDERS = { cnn: 'buildCnn', resnet: 'buildResNet', densenet: 'buildDenseNet' } as const;
type Id = keyof typeof BUILDERS;

/** inertKernels on the model `file` builds (seed 3), read on 4 seeded random "digits". */
async function inertOf(id: Id, file: string): Promise<string[]> {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, (seed: number) => tf.LayersModel>;
  const model = mod[BUILDERS[id]]!(3);
  const x = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 11);
  const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 10).toFloat();
  try {
    const before = tf.memory().numTensors;
    const inert = inertKernels(model, x, y);
    expect(tf.memory().numTensors, `${file}: tensors left by inertKernels`).toBe(before);
    return inert;
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}

const fixtures = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));

describe('inert kernels (read before the image models train)', () => {
  for (const id of Object.keys(BUILDERS) as Id[]) {
    it(`when ${id}'s reference and every correct fixture are built then every kernel is trainable and gets a gradient`, async () => {
      for (const file of [path.join(REPO_ROOT, loadManifest(id).reference!), ...fixtures(courseFiles.correct(id))]) {
        expect(await inertOf(id, file), file).toEqual([]);
      }
    });
  }

  it('when a branch\'s last convolution starts at zero (Fixup, zero-γ) then nothing is inert: that kernel gets a gradient and the one before it will', () => {
    const input = tf.input({ shape: [28, 28, 1] });
    const stem = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 1 }) }).apply(input) as tf.SymbolicTensor;
    const h = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: 2 }) }).apply(stem) as tf.SymbolicTensor;
    const c = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', kernelInitializer: 'zeros' }).apply(h) as tf.SymbolicTensor;
    const sum = tf.layers.add().apply([stem, c]) as tf.SymbolicTensor;
    const logits = tf.layers.dense({ units: 10, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }).apply(tf.layers.flatten().apply(sum)) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: logits });
    const x = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 5);
    const y = tf.oneHot(tf.tensor1d([1, 2, 3, 4], 'int32'), 10).toFloat();
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(inertKernels(model, x, y)).toEqual([]);
    // The zero kernel given values for the second look is restored.
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    model.dispose();
    tf.dispose([x, y]);
  });

  it.each([
    ['cnn', 'mlp-beside-dead-conv', /conv2d.*\/kernel gets no gradient/],
    ['cnn', 'constant-output', /dense.*\/kernel is frozen/],
    ['resnet', 'residual-branch-frozen-zero', /block1_conv2\/kernel is frozen.*block1_conv1\/kernel gets no gradient/],
    ['densenet', 'dense-branch-dead', /conv2d.*\/kernel gets no gradient/],
  ] as const)('when %s\'s wrong/%s is built then its dead kernels are named', async (id, name, pattern) => {
    const inert = await inertOf(id, path.join(courseFiles.wrong(id), `${name}.ts`));
    expect(inert.join('; ')).toMatch(pattern);
  });
});
