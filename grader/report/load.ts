import fs from 'node:fs';
import path from 'node:path';
import { readResult } from '../batch/store.ts';
import type { GradeResult } from '../results/types.ts';

export interface LoadedResults {
  /** student → exercise → result. */
  byStudent: Map<string, Map<string, GradeResult>>;
  /** Files found in more than one folder (the newest was kept). */
  duplicates: string[];
  /** Files that could not be read as results. */
  unreadable: string[];
}

export class ReportError extends Error {}

/**
 * Reads `<dir>/<student>/<exercise>.json` from one or more batch output folders (one per shard)
 * and merges them. Temporary files of an interrupted write (dot-files) are ignored; when two
 * folders hold the same (student, exercise), the most recently written is kept.
 */
export function loadResults(dirs: string[]): LoadedResults {
  const byStudent = new Map<string, Map<string, GradeResult>>();
  const mtimes = new Map<string, number>();
  const duplicates: string[] = [];
  const unreadable: string[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ReportError(`results folder ${dir} does not exist`);
    for (const s of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!s.isDirectory() || s.name.startsWith('.')) continue;
      for (const f of fs.readdirSync(path.join(dir, s.name))) {
        if (f.startsWith('.') || !f.endsWith('.json')) continue;
        const file = path.join(dir, s.name, f);
        const r = readResult(file);
        if (!r) {
          unreadable.push(file);
          continue;
        }
        const key = `${s.name}/${r.exercise}`;
        const mtime = fs.statSync(file).mtimeMs;
        if (mtimes.has(key)) {
          duplicates.push(key);
          if (mtimes.get(key)! > mtime) continue;
        }
        mtimes.set(key, mtime);
        if (!byStudent.has(s.name)) byStudent.set(s.name, new Map());
        byStudent.get(s.name)!.set(r.exercise, r);
      }
    }
  }
  return { byStudent, duplicates, unreadable };
}
