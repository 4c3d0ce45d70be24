import { diffResults, renderDiff } from './diff.ts';
import { loadResults, ReportError } from './load.ts';

/** `grade report --diff <old-out> <new-out>`: prints what changed; exit 0 when no grade changed, 1 when some did. */
export function diffMain(dirs: string[], io: { out: (t: string) => void }): number {
  if (dirs.length !== 2) throw new ReportError(`--diff compares two results folders (grade report --diff <old-out> <new-out>), but got ${dirs.length}`);
  const [before, after] = dirs as [string, string];
  const d = diffResults(loadResults([before]), loadResults([after]));
  io.out(renderDiff(d, before, after));
  return d.changes.length === 0 ? 0 : 1;
}
