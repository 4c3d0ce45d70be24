import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { canEncodeRgb, encodeRgbPng } from './png-encode.ts';

/** A seeded RGBA raster: flat bands, a gradient and noise (every filter residue sign, wraps mod 256). */
function raster(width: number, height: number): Uint8Array {
  const d = new Uint8Array(width * height * 4);
  let s = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 4 * (y * width + x);
      s = (s * 1103515245 + 12345) >>> 0;
      d[i] = y < height / 3 ? 200 : (x * 7) & 0xff;
      d[i + 1] = (s >>> 16) & 0xff;
      d[i + 2] = (255 - y * 3) & 0xff;
      d[i + 3] = 255;
    }
  }
  return d;
}

describe.runIf(canEncodeRgb)('encodeRgbPng', () => {
  it('pngjs (the oracle) decodes it to the same pixels, opaque, at several sizes', () => {
    for (const [w, h] of [[1, 1], [3, 2], [480, 97], [17, 300]] as const) {
      const src = raster(w, h);
      const png = PNG.sync.read(encodeRgbPng(src, w, h));
      expect([png.width, png.height]).toEqual([w, h]);
      expect(Buffer.from(png.data)).toEqual(Buffer.from(src));
    }
  });

  it('refuses a buffer that is not width × height × 4 bytes', () => {
    expect(() => encodeRgbPng(new Uint8Array(11), 2, 2)).toThrow(/11 bytes for 2×2/);
  });
});
