import { PNG } from 'pngjs';
import { canEncodeRgb, encodeRgbPng } from './png-encode.ts';
import { FONT_HEIGHT, glyphOf, isCombining, LETTER_GAP, textWidth } from './font.ts';

export type Rgb = readonly [number, number, number];

export const WHITE: Rgb = [255, 255, 255];

/**
 * An RGB raster with the few primitives the charts need: pixels, rectangles, lines
 * (any width, solid or dashed), circles and text in the bitmap font. Anything outside the
 * canvas is clipped, so callers may draw out of bounds (a diverged curve, a stray sample).
 */
export class Canvas {
  /** The pixels, RGBA row-major: [height, width, 4] (alpha is always 255; the PNG drops it). */
  readonly data: Buffer;
  constructor(readonly width: number, readonly height: number, fill: Rgb = WHITE) {
    this.data = Buffer.alloc(width * height * 4);
    // One 32-bit word per pixel, in the machine's byte order, so the bytes read R, G, B, 255.
    const word = new Uint8Array([fill[0], fill[1], fill[2], 255]);
    new Uint32Array(this.data.buffer, this.data.byteOffset, width * height).fill(new Uint32Array(word.buffer)[0]!);
  }

  set(x: number, y: number, c: Rgb): void {
    x = Math.round(x);
    y = Math.round(y);
    if (!(x >= 0 && y >= 0 && x < this.width && y < this.height)) return;
    const i = 4 * (y * this.width + x);
    this.data[i] = c[0];
    this.data[i + 1] = c[1];
    this.data[i + 2] = c[2];
  }

  /** Filled rectangle with corners (x0, y0) and (x1, y1), both included, in either order. */
  rect(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    const [ax, bx] = [Math.round(Math.min(x0, x1)), Math.round(Math.max(x0, x1))];
    const [ay, by] = [Math.round(Math.min(y0, y1)), Math.round(Math.max(y0, y1))];
    for (let y = Math.max(0, ay); y <= Math.min(this.height - 1, by); y++) for (let x = Math.max(0, ax); x <= Math.min(this.width - 1, bx); x++) this.set(x, y, c);
  }

  /** Rectangle outline, one pixel wide. */
  frame(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    this.rect(x0, y0, x1, y0, c);
    this.rect(x0, y1, x1, y1, c);
    this.rect(x0, y0, x0, y1, c);
    this.rect(x1, y0, x1, y1, c);
  }

  /** A square brush of side `width` centred on (x, y). */
  private dot(x: number, y: number, width: number, c: Rgb): void {
    const lo = -Math.floor((width - 1) / 2);
    for (let dy = 0; dy < width; dy++) for (let dx = 0; dx < width; dx++) this.set(x + lo + dx, y + lo + dy, c);
  }

  /** A line from (x0, y0) to (x1, y1); `dash` = [on, off] pixels along the line. Non-finite ends draw nothing. */
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, width = 1, dash?: readonly [number, number]): void {
    if (![x0, y0, x1, y1].every(Number.isFinite)) return;
    // Far outside the canvas (a diverged value): clip the parameter range so the loop stays short.
    const steps = Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)));
    if (steps > 4 * (this.width + this.height)) {
      const clipped = clipSegment(x0, y0, x1, y1, -width, -width, this.width + width, this.height + width);
      if (!clipped) return;
      [x0, y0, x1, y1] = clipped;
      return this.line(x0, y0, x1, y1, c, width, dash);
    }
    for (let s = 0; s <= steps; s++) {
      if (dash && s % (dash[0] + dash[1]) >= dash[0]) continue;
      const t = steps === 0 ? 0 : s / steps;
      this.dot(Math.round(x0 + t * (x1 - x0)), Math.round(y0 + t * (y1 - y0)), width, c);
    }
  }

  circle(cx: number, cy: number, r: number, c: Rgb): void {
    const steps = Math.max(16, Math.ceil(8 * r));
    for (let s = 0; s < steps; s++) {
      const a = (2 * Math.PI * s) / steps;
      this.set(cx + r * Math.cos(a), cy + r * Math.sin(a), c);
    }
  }

  /** Text in the bitmap font with its cell's top-left corner at (x, y); `align` places x at the left, centre or right. */
  text(s: string, x: number, y: number, c: Rgb, align: 'left' | 'center' | 'right' = 'left'): void {
    let cx = Math.round(align === 'left' ? x : align === 'center' ? x - textWidth(s) / 2 : x - textWidth(s));
    for (const ch of s) {
      if (isCombining(ch)) continue;
      const g = glyphOf(ch);
      g.rows.forEach((row, ry) => row.forEach((on, rx) => on && this.set(cx + rx, y + g.top + ry, c)));
      cx += g.width + LETTER_GAP;
    }
  }

  encode(): Buffer {
    // RGB, no alpha: a quarter less to filter and deflate. Deflate level 6 instead of pngjs's 9:
    // half the time, the same size on these flat-colour pictures.
    if (canEncodeRgb) return encodeRgbPng(this.data, this.width, this.height);
    const png = new PNG({ width: this.width, height: this.height });
    this.data.copy(png.data);
    return PNG.sync.write(png, { colorType: 2, deflateLevel: 6 });
  }
}

/** Liang–Barsky: the part of a segment inside a rectangle, or undefined when none is. */
function clipSegment(x0: number, y0: number, x1: number, y1: number, xmin: number, ymin: number, xmax: number, ymax: number): [number, number, number, number] | undefined {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, x0 - xmin], [dx, xmax - x0], [-dy, y0 - ymin], [dy, ymax - y0]] as const) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return undefined;
  }
  return [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
}

/** Lines of at most `maxWidth` pixels, broken at spaces (a word longer than that is cut). */
export function wrapText(text: string, maxWidth: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (textWidth(next) <= maxWidth) {
        line = next;
        continue;
      }
      if (line !== '') out.push(line);
      line = word;
      while (textWidth(line) > maxWidth && line.length > 1) {
        let k = line.length - 1;
        while (k > 1 && textWidth(line.slice(0, k)) > maxWidth) k--;
        out.push(line.slice(0, k));
        line = line.slice(k);
      }
    }
    out.push(line);
  }
  return out;
}

export const LINE_HEIGHT = FONT_HEIGHT + 2;
