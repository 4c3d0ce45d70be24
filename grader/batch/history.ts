import fs from 'node:fs';
import path from 'node:path';

/**
 * Regrade history: before `grade batch --force`/`--regrade` overwrites anything, the results
 * folder as it was (every student's result files and pictures) is copied to
 * `<out>/.history/<UTC time>/`, itself a results folder: `grade report --diff <that> <out>`
 * lists what the regrade changed. `grade report` skips dot-folders, so history never mixes
 * into the class table.
 */
export const HISTORY_DIR = '.history';

/** `2026-11-30T12-34-56Z`: sortable, and valid as a file name everywhere. */
function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

/** Student folders of a results folder (not history, not temporary files). */
function studentFolders(outDir: string): string[] {
  if (!fs.existsSync(outDir)) return [];
  return fs
    .readdirSync(outDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name);
}

function hasResults(outDir: string, student: string): boolean {
  return fs.readdirSync(path.join(outDir, student)).some((f) => f.endsWith('.json') && !f.startsWith('.'));
}

/**
 * Copies the current results of `outDir` into a new snapshot and returns its folder, or
 * undefined when there is nothing to keep. Interrupted writes (dot-files) are not copied; links
 * are copied as links (a results folder holds none, and none is followed).
 */
export function snapshotResults(outDir: string, now = new Date()): string | undefined {
  const students = studentFolders(outDir).filter((s) => hasResults(outDir, s));
  if (students.length === 0) return undefined;
  let dest = path.join(outDir, HISTORY_DIR, stamp(now));
  for (let n = 2; fs.existsSync(dest); n++) dest = path.join(outDir, HISTORY_DIR, `${stamp(now)}-${n}`);
  fs.mkdirSync(dest, { recursive: true });
  for (const s of students) {
    fs.cpSync(path.join(outDir, s), path.join(dest, s), { recursive: true, verbatimSymlinks: true, filter: (src) => !path.basename(src).startsWith('.') });
  }
  return dest;
}

/** The snapshots of a results folder, oldest first. */
export function listSnapshots(outDir: string): string[] {
  const dir = path.join(outDir, HISTORY_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((n) => path.join(dir, n));
}

/** The results as they were before the last regrade, if there was one. */
export function latestSnapshot(outDir: string): string | undefined {
  return listSnapshots(outDir).at(-1);
}
