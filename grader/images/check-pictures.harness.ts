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

/** Pixels of an exact colour in a decoded PNG. */
function count(png: PNG, c: readonly number[]): number {
  let k = 0;
  for (let i = 0; i < png.width * png.height; i++) if (png.data[4 * i] === c[0] && png.data[4 * i + 1] === c[1] && png.data[4 * i + 2] === c[2]) k++;
  return k;
}

/**
 * Every training and distribution check of these exercises draws: graded as the reference (the
 * student's values and the exact target or the reference's curve then agree, so both colours
 * must be on the picture), each named picture is a PNG of the charts' width, not blank, with
 * two series colours at least (the student's and the exact target's or the reference's, or two
 * chains). The training exercises (mlp, the flow) train twice, so they are in the slow suite:
 * check-pictures.slow.test.ts.
 */
export const EXPECTED: Record<string, { check: RegExp; pictures: string[] }[]> = {
  dropout: [{ check: /^kept fraction/, pictures: ['dropout-kept-fraction'] }],
  boltzmann: [{ check: /^Gibbs sweeps/, pictures: ['boltzmann-states'] }],
  rbm: [{ check: /^block Gibbs/, pictures: ['rbm-joint-states'] }, { check: /^CD-k gradient/, pictures: ['rbm-cd-gradient'] }],
  hopfield: [{ check: /^energy never rises/, pictures: ['hopfield-energy'] }],
  'importance-sampling': [{ check: /^error over 200 seeds/, pictures: ['importance-sampling-estimates'] }],
  'metropolis-hastings': [{ check: /^5-state target/, pictures: ['mh-states', 'mh-trace'] }, { check: /^mixture of Gaussians/, pictures: ['mh-mixture', 'mh-trace-2'] }],
};

export const EXPECTED_TRAINING: typeof EXPECTED = {
  mlp: [{ check: /^trains to the reference's accuracy/, pictures: ['mlp-learning-curve'] }],
  'normalizing-flow': [{ check: /^RealNVP on two moons/, pictures: ['flow-learning-curve', 'flow-density'] }],
  vae: [{ check: /test ELBO/, pictures: ['vae-trained-with-learning-curve'] }],
};

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
          expect(png.width).toBe(480);
          expect(png.height).toBeGreaterThan(250);
          // At least two of the series colours are drawn: the student's and the target's (a line, bars, a heat map) or a second chain.
          const drawn = SERIES_COLOURS.filter((c) => count(png, c) > 30);
          expect(drawn.length, `${img.path}: colours drawn ${JSON.stringify(drawn)}`).toBeGreaterThanOrEqual(2);
        }
      }
    }, 600_000);
  }
}
