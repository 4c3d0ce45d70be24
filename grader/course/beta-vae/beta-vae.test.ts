import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { check, grade, summary, wrongSubmission } from '../../../test/grading.ts';
import { courseFiles } from '../files.ts';
import { loadManifest } from '../../manifest/load.ts';
import { summariseModel } from '../../tasks/model-summary.ts';
import { missingStructure } from '../../judges/structure.ts';

const ID = 'beta-vae';
const ELBO = 'β = 1: test ELBO on binarised MNIST';

describe(ID, () => {
  it('when the decoder ends in a sigmoid then the test ELBO falls far below the reference with the logits hint', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'sigmoid-decoder'));
    expect(check(r, ELBO).passed, summary(r)).toBe(false);
    expect(check(r, ELBO).message).toMatch(/< threshold/);
    expect(check(r, ELBO).hint).toMatch(/decoder outputs logits/);
  }, 300_000);

  it('when the encoder outputs only μ then both checks say what shape it must have', async () => {
    const r = await grade(ID, wrongSubmission(ID, 'mu-only-encoder'));
    expect(r.score).toBe(0);
    for (const c of r.checks) expect(c.message).toMatch(/the encoder must output \[null, 32\] \(μ then log σ², latentDim = 16\), but its output shape is \[null, 16\]/);
  });

  // Graded at seed 1 (2026-11-30): the β = 1 check fails (−162.2 < −154.6, 0/6), the sweep passes;
  // a wider network would clear the ELBO bar, so the structure check is what names the mistake.
  it('when the log σ² head ends in a softplus behind a concatenation then the encoder check names that head (no training)', async () => {
    const mod = (await import(pathToFileURL(path.join(courseFiles.wrong(ID), 'softplus-log-variance.ts')).href)) as { buildVae: (l: number, s: number) => { encoder: tf.LayersModel; decoder: tf.LayersModel } };
    const m = mod.buildVae(16, 1);
    const req = loadManifest(ID).checks.find((c) => c.output === 'encoder')!.requires!;
    const missing = missingStructure(summariseModel(m.encoder), req);
    m.encoder.dispose();
    m.decoder.dispose();
    expect(missing.join('; ')).toMatch(/its last layer \(concatenate_\w+, Concatenate\) passes on dense_\w+ \(Dense\), which applies softplus/);
  });
});
