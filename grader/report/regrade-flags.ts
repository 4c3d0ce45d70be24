import { latestSnapshot } from '../batch/history.ts';
import { diffResults } from './diff.ts';
import { loadResults } from './load.ts';
import type { ClassReport } from './model.ts';

/**
 * For each results folder that was regraded (`grade batch --force` kept a snapshot), compares
 * the last snapshot with the folder and marks the class table's changed cells with the score
 * before (`previous`) and whether it dropped; the report lists the changes, drops first.
 */
export function flagRegradeChanges(report: ClassReport, dirs: string[]): void {
  for (const dir of dirs) {
    const snapshot = latestSnapshot(dir);
    if (!snapshot) continue;
    const { changes } = diffResults(loadResults([snapshot]), loadResults([dir]));
    const sorted = [...changes].sort((a, b) => (b.oldScore ?? 0) - (b.newScore ?? 0) - ((a.oldScore ?? 0) - (a.newScore ?? 0)));
    (report.regrade ??= []).push({ snapshot, changes: sorted });
    for (const c of changes) {
      const cell = report.students.find((s) => s.name === c.student)?.cells.find((x) => x.exercise === c.exercise);
      if (!cell || c.oldScore === undefined) continue;
      cell.previous = c.oldScore;
      cell.dropped = c.newScore !== undefined && c.newScore < c.oldScore;
    }
  }
}
