import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { writeFileAtomically } from '../basics/atomic-write.ts';
import { CACHE_DIR } from '../paths.ts';

/**
 * Reference results on disk, one file per (exercise, backend, reference version, seed, check).
 * Written atomically; an unreadable entry is treated as missing and recomputed.
 */
export class ExpectedCache {
  constructor(private readonly dir = path.join(CACHE_DIR, 'expected')) {}

  private file(key: string[]): string {
    return path.join(this.dir, ...key.map((k) => k.replace(/[^A-Za-z0-9._-]/g, '_'))) + '.bin';
  }

  get<T>(key: string[]): T | undefined {
    try {
      return v8.deserialize(fs.readFileSync(this.file(key))) as T;
    } catch {
      return undefined;
    }
  }

  set(key: string[], value: unknown): void {
    writeFileAtomically(this.file(key), v8.serialize(value));
  }
}
