import fs from 'node:fs';
import path from 'node:path';
import type { JudgeImage } from '../judges/types.ts';
import type { CheckImage, CheckResult } from '../results/types.ts';
import type { Chart } from './chart-types.ts';
import { chartPng } from './charts.ts';
import { gridPng, scatterPng } from './render.ts';
import { writeFileAtomically } from '../basics/atomic-write.ts';

/** What a check can ask to have drawn: a judge's sample grid or scatter, or a chart (grader/images/chart-types.ts). */
export type Picture = JudgeImage | Chart;

/** A judge's image name as a file name: letters, digits and '-' only. */
export function imageFileName(name: string): string {
  const base = name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'image';
  return `${base}.png`;
}

/**
 * Renders a check's images to PNG files in `dir` (created if missing) and returns each file's
 * path (`dir` joined with the file name, so relative when `dir` is) and caption, for the result.
 * A name already taken by an earlier image of this grade gets a numeric suffix (`taken` is shared
 * across the grade's checks).
 */
export function writeCheckImages(images: Picture[], dir: string, taken: Set<string> = new Set()): CheckImage[] {
  fs.mkdirSync(dir, { recursive: true });
  return images.map((img) => {
    let file = imageFileName(img.name);
    for (let k = 2; taken.has(file); k++) file = imageFileName(`${img.name}-${k}`);
    taken.add(file);
    let png: Buffer;
    let caption = img.caption;
    if (img.kind === 'grid') png = gridPng(img);
    else if (img.kind === 'scatter') {
      const s = scatterPng(img);
      png = s.png;
      if (s.outside > 0) caption += ` (${s.outside} point${s.outside === 1 ? '' : 's'} outside the plotted [${img.range.join(', ')}]² not drawn)`;
    } else ({ png, caption } = chartPng(img));
    const out = path.join(dir, file);
    writeFileAtomically(out, png);
    return { path: out, caption };
  });
}

/**
 * Writes a check's images and lists them in its result. A folder that cannot be written costs
 * the student nothing: the result says so in its message instead.
 */
export function writeImagesForResult(result: CheckResult, images: Picture[], dir: string, taken: Set<string>): void {
  try {
    result.images = writeCheckImages(images, dir, taken);
  } catch (e) {
    result.message += ` (its images could not be written to ${dir}: ${(e as Error).message})`;
  }
}
