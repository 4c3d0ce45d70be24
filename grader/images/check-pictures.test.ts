import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { gradeExercise } from '../grade/grade-exercise.ts';
import { referenceSubmission } from '../../test/grading.ts';
import { COLOURS } from './plot-frame.ts';

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
 * the student's blue and the target's orange (or, for a trace or a density, the student's
 * blue and the exact line or heat map).
 */
const EXPECTED: Record<string, { check: RegExp; pictures: string[] }[]> = {
  dropout: [{ check: /^kept fraction/, pictures: ['dropout-kept-fraction'] }],
  boltzmann: [{ check: /^Gibbs sweeps/, pictures: ['boltzmann-states'] }],
  rbm: [{ check: /^block Gibbs/, pictures: ['rbm-joint-states'] }, { check: /^CD-k gradient/, pictures: ['rbm-cd-gradient'] }],
  hopfield: [{ check: /^energy never rises/, pictures: ['hopfield-energy'] }],
  'importance-sampling': [{ check: /^error over 200 seeds/, pictures: ['importance-sampling-estimates'] }],
  'metropolis-hastings': [{ check: /^5-state target/, pictures: ['mh-states', 'mh-trace'] }, { check: /^mixture of Gaussians/, pictures: ['mh-mixture', 'mh-trace-2'] }],
  mlp: [{ check: /^trains to the reference's accuracy/, pictures: ['mlp-learning-curve'] }],
  'normalizing-flow': [{ check: /^RealNVP on two moons/, pictures: ['flow-learning-curve', 'flow-density'] }],
};

describe('the pictures of the training and distribution checks (graded as the reference)', () => {
  for (const [id, checks] of Object.entries(EXPECTED)) {
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
          expect(count(png, COLOURS.student), `${img.path}: the student's colour`).toBeGreaterThan(30);
          const target = count(png, COLOURS.reference) + count(png, [8, 48, 107]) + count(png, COLOURS.bar);
          expect(target, `${img.path}: the exact target's or the reference's colour`).toBeGreaterThan(30);
        }
      }
    }, 600_000);
  }
});
