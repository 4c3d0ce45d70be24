import fs from 'node:fs';
import path from 'node:path';

/** One machine's part of a class: `index` of `count`, both 1-based as written (`--shard 2/4`). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` with 1 ≤ i ≤ n; throws with what was wrong. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`--shard must look like i/n (e.g. 2/4, 1-based), but got '${text}'`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new Error(`--shard ${text}: n must be at least 1`);
  if (index < 1 || index > count) throw new Error(`--shard ${text}: i must be between 1 and ${count} (shards are 1-based)`);
  return { index, count };
}

/** Code-point order, the same on every machine and locale. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The students of a class folder: its sub-folders (dot-folders skipped), sorted by name. */
export function listStudents(classDir: string): string[] {
  return fs
    .readdirSync(classDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort(byCodePoint);
}

/**
 * The students of one shard: the k-th student in sorted order (k from 0) goes to shard
 * (k mod n) + 1. Deterministic given the folder names; the shards are disjoint and their
 * union is the class.
 */
export function studentsOfShard(students: string[], shard: Shard | undefined): string[] {
  const sorted = [...students].sort(byCodePoint);
  if (!shard) return sorted;
  return sorted.filter((_, k) => k % shard.count === shard.index - 1);
}

export function studentDir(classDir: string, student: string): string {
  return path.join(classDir, student);
}
