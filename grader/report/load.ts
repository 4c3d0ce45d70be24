import fs from 'node:fs';
import path from 'node:path';
import { failedResult } from '../batch/safe-grade.ts';
import { readResultOrWhy } from '../batch/store.ts';
import { listExerciseIds } from '../manifest/load.ts';
import type { GradeResult } from '../results/types.ts';

export interface LoadedResults {
  /** student → exercise → result. */
  byStudent: Map<string, Map<string, GradeResult>>;
  /** Files found in more than one folder (the newest was kept). */
  duplicates: string[];
  /** Files that could not be read as results, and why; `exercise` when the file is named after one (it then counts 0, flagged). */
  unreadable: { file: string; student: string; exercise?: string; why: string }[];
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
  const unreadable: LoadedResults['unreadable'] = [];
  const known = new Set(listExerciseIds());
  for (const dir of dirs) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ReportError(`results folder ${dir} does not exist`);
    for (const s of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!s.isDirectory() || s.name.startsWith('.')) continue;
      for (const f of fs.readdirSync(path.join(dir, s.name))) {
        if (f.startsWith('.') || !f.endsWith('.json')) continue;
        const file = path.join(dir, s.name, f);
        const read = readResultOrWhy(file);
        let r: GradeResult;
        if ('result' in read) r = read.result;
        else {
          const exercise = f.slice(0, -'.json'.length);
          if (!known.has(exercise)) {
            unreadable.push({ file, student: s.name, why: read.why });
            continue;
          }
          // A damaged result of a known exercise keeps its student in the report: 0 for now, flagged as the
          // grader's to redo (grade batch regrades a result it cannot read), never a NaN or a missing row.
          unreadable.push({ file, student: s.name, exercise, why: read.why });
          const why = `the stored result ${file} ${read.why}`;
          r = failedResult(exercise, undefined, 1, `${why}; it counts 0 until it is graded again`, 0, why);
        }
        const key = `${s.name}/${r.exercise}`;
        const mtime = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
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
