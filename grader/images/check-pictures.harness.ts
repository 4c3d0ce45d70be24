import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../grade/grade-exercise.ts';
import { referenceSubmission } from '../../test/grading.ts';
import { COLOURS } from './plot-frame.ts';

/** The student's blue, the reference's orange, the bar's red, the heat map's darkest blue, the second chain's green. */
const SERIES_COLOURS: (readonly number[])[] = [COLOURS.student, COLOURS.reference, COLOURS.bar, [8, 48, 107], [44, 160, 44]];

/** Pixels of a decoded PNG whose colour passes `pred`. */
function countWhere(png: PNG, pred: (r: number, g: number, b: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < png.width * png.height; i++) if (pred(png.data[4 * i]!, png.data[4 * i + 1]!, png.data[4 * i + 2]!)) k++;
  return k;
}

/** Pixels of an exact colour in a decoded PNG. */
const count = (png: PNG, c: readonly number[]): number => countWhere(png, (r, g, b) => r === c[0] && g === c[1] && b === c[2]);

/**
 * Every training and distribution check of these exercises draws: graded as the reference (the
 * student's values and the exact target or the reference's curve then agree, so both colours
 * must be on the picture), each named picture is a PNG of the charts' width, not blank, with
 * two series colours at least (the student's and the exact target's or the reference's, or two
 * chains); a grid of digits (`grids`) is checked for strokes on black instead. The training
 * exercises train twice (the student's run and the reference's), so all but sgd's small MLP are
 * in the slow suite: check-pictures.slow.test.ts. The GAN's pictures are checked by gan.test.ts.
 */
export const EXPECTED: Record<string, { check: RegExp; pictures: string[]; grids?: string[] }[]> = {
  dropout: [{ check: /^kept fraction/, pictures: ['dropout-kept-fraction'] }],
  boltzmann: [{ check: /^Gibbs sweeps/, pictures: ['boltzmann-states'] }],
  rbm: [{ check: /^block Gibbs/, pictures: ['rbm-joint-states'] }, { check: /^CD-k gradient/, pictures: ['rbm-cd-gradient'] }, { check: /^training on bars and stripes/, pictures: ['rbm-training-likelihood'] }],
  hopfield: [{ check: /^energy never rises/, pictures: ['hopfield-energy'] }],
  'importance-sampling': [{ check: /^error over 200 seeds/, pictures: ['importance-sampling-estimates'] }],
  'metropolis-hastings': [{ check: /^acceptance probability, one step/, pictures: ['mh-acceptance'] }, { check: /^5-state target/, pictures: ['mh-states', 'mh-trace'] }, { check: /^mixture of Gaussians/, pictures: ['mh-mixture', 'mh-trace-2'] }],
  augmentation: [{ check: /^noise statistics/, pictures: ['augmentation-noise'] }],
  // The cheapest training: 2 epochs of a small MLP, twice (the student's and the reference's).
  sgd: [{ check: /^trains an MLP/, pictures: ['sgd-learning-curve'] }],
};

export const EXPECTED_TRAINING: typeof EXPECTED = {
  mlp: [{ check: /^trains to the reference's accuracy/, pictures: ['mlp-learning-curve'] }],
  'normalizing-flow': [{ check: /^RealNVP on two moons/, pictures: ['flow-learning-curve', 'flow-density'] }],
  vae: [{ check: /test ELBO/, pictures: ['vae-trained-with-learning-curve'] }],
  momentum: [{ check: /^trains an MLP/, pictures: ['momentum-learning-curve'] }],
  adam: [{ check: /^trains an MLP/, pictures: ['adam-learning-curve'] }],
  // The sweep draws the reference's sweep beside the student's (the verdict is the student's sweep alone).
  'beta-vae': [{ check: /^the KL term falls/, pictures: ['beta-vae-kl-sweep'] }],
  cvae: [{ check: /^samples for label y/, pictures: ['cvae-samples-per-label'], grids: ['cvae-samples-per-label'] }],
  inpainting: [{ check: /^missing pixels/, pictures: ['inpainting-examples'], grids: ['inpainting-examples'] }],
  // The CNN family trains a Keras model: its curve comes from the fit's epoch ends, not the optimizers' loop.
  cnn: [{ check: /^trains to the reference's accuracy/, pictures: ['cnn-learning-curve'] }],
  resnet: [{ check: /^trains to the reference's accuracy/, pictures: ['resnet-learning-curve'] }],
  densenet: [{ check: /^trains to the reference's accuracy/, pictures: ['densenet-learning-curve'] }],
};

/** Pictures drawn with the student's colour alone (no reference run to draw beside it); none at present. */
const ONE_SERIES = new Set<string>([]);

/** Grades each exercise's reference with pictures on, and checks every expected picture. */
export function describePictures(title: string, expected: typeof EXPECTED): void {
  describe(title, () => picturesOf(expected));
}

function picturesOf(expected: typeof EXPECTED): void {
  for (const [id, checks] of Object.entries(expected)) {
    it(`${id}: ${checks.flatMap((c) => c.pictures).join(', ')}`, async () => {
      const imagesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-pictures-'));
      const r = await gradeExercise(id, { submissionDir: referenceSubmission(id), backend: 'wasm', seed: 1, imagesDir });
      for (const want of checks) {
        const c = r.checks.find((x) => want.check.test(x.name));
        expect(c, `${id}: no check matches ${want.check}`).toBeDefined();
        expect((c!.images ?? []).map((i) => path.basename(i.path, '.png'))).toEqual(want.pictures);
        for (const img of c!.images!) {
          expect(img.path.startsWith(path.join(imagesDir, id))).toBe(true);
          expect(img.caption.length).toBeGreaterThan(10);
          const png = PNG.sync.read(fs.readFileSync(img.path));
          const name = path.basename(img.path, '.png');
          if (want.grids?.includes(name)) {
            // A grid of 28×28 images (×2, 2-pixel gaps): light strokes on black (a VAE's samples are blurred: light, not white), neither blank nor a light field.
            expect((png.width - 2) % 58, img.path).toBe(0);
            expect((png.height - 2) % 58, img.path).toBe(0);
            const light = countWhere(png, (r, g, b) => r === g && g === b && r > 128) / (png.width * png.height);
            const dark = countWhere(png, (r, g, b) => r === g && g === b && r < 30) / (png.width * png.height);
            expect([light > 0.03, dark > 0.3], `${img.path}: ${light} light, ${dark} dark`).toEqual([true, true]);
            continue;
          }
          expect(png.width).toBe(480);
          expect(png.height).toBeGreaterThan(250);
          // At least two of the series colours are drawn: the student's and the target's (a line, bars, a heat map) or a second chain.
          const drawn = SERIES_COLOURS.filter((c) => count(png, c) > 30);
          expect(drawn.length, `${img.path}: colours drawn ${JSON.stringify(drawn)}`).toBeGreaterThanOrEqual(ONE_SERIES.has(name) ? 1 : 2);
          if (ONE_SERIES.has(name)) expect(count(png, COLOURS.student), img.path).toBeGreaterThan(30);
        }
      }
    }, 600_000);
  }
}
