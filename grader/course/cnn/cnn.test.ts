import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';
import { summariseModel } from '../../tasks/model-summary.ts';
import { missingStructure } from '../../judges/structure.ts';
import { modelSeedProbe } from '../../tasks/model-probes.ts';
import { behaviourJudges } from '../../judges/behaviour.ts';
import { loadManifest } from '../../manifest/load.ts';
import { toWire } from '../../sandbox/tensors.ts';
import { courseFiles } from '../files.ts';

type Builder = (seed: number) => tf.LayersModel;
const builderOf = async (name: string): Promise<Builder> => ((await import(pathToFileURL(path.join(courseFiles.wrong('cnn'), `${name}.ts`)).href)) as { buildCnn: Builder }).buildCnn;
const manifestCheck = (judge: string) => loadManifest('cnn').checks.find((c) => c.judge === judge)!;

const ACCURACY = "trains to the reference's accuracy on MNIST";

describe('cnn', () => {
  it('when the model takes flat [784] rows then it fails before training and says which input shape it needs', async () => {
    const r = await grade('cnn', wrongSubmission('cnn', 'flat-input'));
    expect(check(r, ACCURACY).passed).toBe(false);
    expect(check(r, ACCURACY).message).toMatch(/input shape \[null, 28, 28, 1\].*but its input shape is \[null, 784\]/);
  });

  it('when the model forgets to flatten then it fails before training and names the output shape', async () => {
    const r = await grade('cnn', wrongSubmission('cnn', 'no-flatten'));
    expect(check(r, ACCURACY).passed).toBe(false);
    expect(check(r, ACCURACY).message).toMatch(/output shape \[null, 10\].*flatten.*but its output shape is \[null, 5, 5, 10\]/);
  });

  it('when every layer is frozen then it fails before training: no trainable weights', async () => {
    const r = await grade('cnn', wrongSubmission('cnn', 'all-frozen'));
    expect(check(r, ACCURACY).passed).toBe(false);
    expect(check(r, ACCURACY).message).toMatch(/no trainable weights/);
  });

  // Until the kernels were read before training (inert-weights.ts) this model trained for the whole
  // budget and failed at chance (~10%); now it fails before training.
  it('when the output layer is frozen at zero then it fails before training and names the frozen kernel', async () => {
    const r = await grade('cnn', wrongSubmission('cnn', 'constant-output'));
    const c = check(r, ACCURACY);
    expect(c.passed).toBe(false);
    expect(c.message).toMatch(/dense_Dense\d+\/kernel is frozen \(trainable: false\).*conv2d_Conv2D\d+\/kernel gets no gradient from the loss/);
    expect(c.leakedTensors ?? 0).toBe(0);
  });

  it('when the convolutions have no ReLU then the structure check names the rule (the model may still train)', async () => {
    // Only the structure check is looked at: the training is cut short.
    const r = await grade('cnn', wrongSubmission('cnn', 'convs-without-relu'), 1, 15);
    const c = check(r, 'the model has convolution, ReLU, max pooling, flatten and a linear dense output');
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/lacks a ReLU on every tf\.layers\.conv2d layer.*README: "Use `tf\.layers\.conv2d` \(with `activation: 'relu'`\)/);
  }, 600_000);

  it('when the model is an MLP beside a zero-initialised convolution then the accuracy check fails before training and names the dead kernel', async () => {
    const r = await grade('cnn', wrongSubmission('cnn', 'mlp-beside-dead-conv'));
    const c = check(r, ACCURACY);
    expect(c.passed, summary(r)).toBe(false);
    expect(c.message).toMatch(/weights that training could never change or that never reach the logits: conv2d_Conv2D\d+\/kernel gets no gradient from the loss/);
  });

  it('when the max pooling has a 1×1 window and stride 1 then the structure judge does not count it and says why', async () => {
    const model = (await builderOf('identity-pooling'))(1);
    const missing = missingStructure(summariseModel(model), manifestCheck('modelStructure').requires!);
    model.dispose();
    expect(missing.join('; ')).toMatch(/a tf\.layers\.maxPooling2d layer \(it has 0; max_pooling2d_\w+ pools a 1×1 window with stride 1, which returns its input unchanged\)/);
  });

  it('when one layer is seeded with a constant and the others from the seed then the seed judge names that layer', async () => {
    const build = await builderOf('one-layer-fixed-seed');
    const probe = modelSeedProbe(build, (m) => [m as tf.LayersModel], 5);
    const value = toWire(probe);
    tf.dispose([probe.first, probe.again, probe.changed]);
    const verdict = behaviourJudges.seedMatters!({ cases: [{ label: 'buildCnn(seed)', args: [] }], values: [value], seed: 1, check: manifestCheck('seedMatters'), alpha: 0 });
    expect(verdict.passed).toBe(false);
    expect(verdict.message).toMatch(/changing only the seed left the random initial values of conv2d_Conv2D\d+\/kernel exactly the same: their initializers are not seeded from the seed/);
  });
});
