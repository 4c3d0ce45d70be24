import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { pngDataUri } from './thumbnail.ts';

const decode = (uri: string) => PNG.sync.read(Buffer.from(uri.replace(/^data:image\/png;base64,/, ''), 'base64'));

describe('pngDataUri', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumb-'));
  const wide = path.join(dir, 'wide.png');
  const png = new PNG({ width: 1000, height: 10 });
  for (let i = 0; i < 1000 * 10; i++) png.data.set(i % 1000 < 500 ? [0, 0, 0, 255] : [255, 255, 255, 255], 4 * i); // left half black
  fs.writeFileSync(wide, PNG.sync.write(png));

  it('scales a picture larger than the side down by area averaging, keeping its aspect and content', () => {
    const t = decode(pngDataUri(wide, 480)!);
    expect([t.width, t.height]).toEqual([480, 5]);
    expect(Array.from(t.data.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(Array.from(t.data.subarray(4 * 479, 4 * 479 + 3))).toEqual([255, 255, 255]);
  });

  it('keeps a picture already small enough, and gives nothing for a file that is gone or not a PNG', () => {
    expect([decode(pngDataUri(wide, 2000)!).width]).toEqual([1000]);
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'secret');
    expect(pngDataUri(text, 480)).toBeUndefined();
    expect(pngDataUri(path.join(dir, 'gone.png'), 480)).toBeUndefined();
  });
});
