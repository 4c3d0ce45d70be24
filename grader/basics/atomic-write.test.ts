import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from './atomic-write.ts';

describe('writeFileAtomically', () => {
  it('when the folder is missing then it is made and the file holds exactly the data, with no temporary left', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const file = path.join(dir, 'a', 'b', 'out.bin');
    writeFileAtomically(file, new Uint8Array([1, 2, 3]));
    writeFileAtomically(file, 'replaced');
    expect(fs.readFileSync(file, 'utf8')).toBe('replaced');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['out.bin']);
  });

  it('when the rename fails then the old file is untouched and the temporary is removed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));
    const target = path.join(dir, 'taken');
    fs.mkdirSync(path.join(target, 'inside'), { recursive: true }); // a non-empty folder cannot be renamed over
    expect(() => writeFileAtomically(target, 'x')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['taken']);
  });
});
