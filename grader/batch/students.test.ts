import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, EXIT } from '../cli.ts';
import { listStudents, parseShard, studentsOfShard } from './students.ts';

const names = ['zoe', 'Ada', 'ben', 'mallory', 'Émile', 'o,brien', 'carl', 'dora', 'eve', '10-x', 'ümit'];

describe('sharding a class', () => {
  it('when every shard of n is taken then the shards are disjoint and their union is the class', () => {
    for (const n of [1, 2, 3, 4, 7, 11, 20]) {
      const shards = Array.from({ length: n }, (_, i) => studentsOfShard(names, { index: i + 1, count: n }));
      const all = shards.flat();
      expect(new Set(all).size, `n=${n}`).toBe(all.length);
      expect([...all].sort()).toEqual([...names].sort());
    }
  });

  it('when the same class is listed in another order then each shard is the same', () => {
    const shuffled = [...names].reverse();
    for (let i = 1; i <= 3; i++) expect(studentsOfShard(shuffled, { index: i, count: 3 })).toEqual(studentsOfShard(names, { index: i, count: 3 }));
    // Code-point order: 10-x Ada ben carl dora eve mallory o,brien zoe Émile ümit; every third from the first.
    expect(studentsOfShard(names, { index: 1, count: 3 })).toEqual(['10-x', 'carl', 'mallory', 'Émile']);
  });

  it('when the class folder is read then dot-folders and files are skipped and names are sorted by code point', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'class-'));
    for (const n of ['bob', 'Alice', '.git', 'carol']) fs.mkdirSync(path.join(dir, n));
    fs.writeFileSync(path.join(dir, 'README.md'), '');
    expect(listStudents(dir)).toEqual(['Alice', 'bob', 'carol']);
  });

  it('when --shard is well formed then it parses 1-based', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/4', '5/4', '2/0', '2', 'a/b', '-1/3', '1/2/3', ''])('when --shard is %j then it is refused', (s) => {
    expect(() => parseShard(s)).toThrow(/--shard/);
  });

  it('when grade batch gets a bad --shard then exit 2 and say why', async () => {
    const err: string[] = [];
    const code = await main(['batch', 'examples/class', '--out', path.join(os.tmpdir(), 'never-written'), '--shard', '5/4'], { out: () => undefined, err: (t) => err.push(t) });
    expect(code).toBe(EXIT.usage);
    expect(err.join('\n')).toMatch(/i must be between 1 and 4 \(shards are 1-based\)/);
  });

  it('when grade batch gets --jobs 0 or an unknown exercise then exit 2', async () => {
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(['batch', 'examples/class', '--out', os.tmpdir(), '--jobs', '0'], io)).toBe(EXIT.usage);
    expect(await main(['batch', 'examples/class', '--out', os.tmpdir(), '--exercises', 'nope'], io)).toBe(EXIT.usage);
    expect(await main(['batch', 'no/such/class', '--out', os.tmpdir()], io)).toBe(EXIT.usage);
  });
});
