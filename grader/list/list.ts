import fs from 'node:fs';
import { listExerciseIds, loadManifest } from '../manifest/load.ts';
import { submissionFile } from '../submission/locate.ts';
import { LIMITS, readRegular } from '../submission/stage.ts';

export interface ExerciseStatus {
  id: string;
  title: string;
  notes: string;
  points: number;
  /** missing: no file; stub: some function still throws NotImplemented; written: none does. */
  status: 'missing' | 'stub' | 'written';
  stubs: number;
}

/** The exercises, and for the given copy (the repo's or a submission folder) which are still stubs. */
export function listExercises(submissionDir?: string): ExerciseStatus[] {
  return listExerciseIds().map((id) => {
    const m = loadManifest(id);
    const file = submissionFile(id, submissionDir);
    const points = m.checks.reduce((a, c) => a + c.points, 0);
    if (!fs.existsSync(file)) return { id, title: m.title, notes: m.notes, points, status: 'missing', stubs: 0 };
    // The submission is data: a symlink, a FIFO or a device is not read (grading then says what is wrong).
    const bytes = readRegular(file, LIMITS.fileBytes);
    if (typeof bytes === 'string') return { id, title: m.title, notes: m.notes, points, status: 'missing', stubs: 0 };
    const stubs = (bytes.toString('utf8').match(/throw\s+new\s+NotImplemented\b/g) ?? []).length;
    return { id, title: m.title, notes: m.notes, points, status: stubs > 0 ? 'stub' : 'written', stubs };
  });
}

export function renderList(rows: ExerciseStatus[]): string {
  const w = Math.max(...rows.map((r) => r.id.length), 2);
  return rows
    .map((r) => {
      const state = r.status === 'stub' ? `stub (${r.stubs} NotImplemented left)` : r.status === 'missing' ? 'missing' : 'written';
      return `${r.id.padEnd(w)}  ${r.notes.padEnd(11)} ${String(r.points).padStart(3)} pts  ${state.padEnd(28)} ${r.title}`;
    })
    .join('\n');
}
