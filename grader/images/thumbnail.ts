import fs from 'node:fs';
import { PNG } from 'pngjs';

/** A picture file larger than this is not read (the grader's own are tens of KB). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Area-average downscale so the longer side is at most `maxSide` (an image already that small
 * is returned as is). Opaque RGB only: the grader's pictures have no transparency.
 */
export function downscale(src: PNG, maxSide: number): PNG {
  const f = Math.max(src.width, src.height) / maxSide;
  if (f <= 1) return src;
  const w = Math.max(1, Math.round(src.width / f));
  const h = Math.max(1, Math.round(src.height / f));
  const out = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) {
    const sy0 = Math.floor((y * src.height) / h);
    const sy1 = Math.max(sy0 + 1, Math.floor(((y + 1) * src.height) / h));
    for (let x = 0; x < w; x++) {
      const sx0 = Math.floor((x * src.width) / w);
      const sx1 = Math.max(sx0 + 1, Math.floor(((x + 1) * src.width) / w));
      const sum = [0, 0, 0];
      for (let sy = sy0; sy < sy1; sy++) for (let sx = sx0; sx < sx1; sx++) for (let k = 0; k < 3; k++) sum[k]! += src.data[4 * (sy * src.width + sx) + k]!;
      const n = (sy1 - sy0) * (sx1 - sx0);
      out.data.set([Math.round(sum[0]! / n), Math.round(sum[1]! / n), Math.round(sum[2]! / n), 255], 4 * (y * w + x));
    }
  }
  return out;
}

/**
 * A PNG file as a `data:image/png;base64,…` URI for a self-contained page, at most `maxSide`
 * pixels on its longer side. The file is decoded and encoded again, so only pixels reach the
 * page whatever the path named (a results file edited to point at another file gives nothing);
 * undefined when the file is gone, too large, or not a PNG.
 */
export function pngDataUri(file: string, maxSide: number): string | undefined {
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) return undefined;
    const png = downscale(PNG.sync.read(fs.readFileSync(file)), maxSide);
    return `data:image/png;base64,${PNG.sync.write(png, { colorType: 2 }).toString('base64')}`;
  } catch {
    return undefined;
  }
}
