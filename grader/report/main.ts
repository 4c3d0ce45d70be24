import { readRoster, RosterError } from '../roster/roster.ts';
import { parseCanvasIds, renderCanvasCsv } from './canvas.ts';
import { renderCsv } from './csv.ts';
import { gradebookRows } from './gradebook.ts';
import { renderHtml } from './html.ts';
import { loadResults, ReportError } from './load.ts';
import { buildReport, type ClassReport } from './model.ts';
import { renderMoodleCsv } from './moodle.ts';
import { writeStudentPages } from './per-student.ts';
import { renderPlainCsv } from './plain.ts';
import { flagRegradeChanges } from './regrade-flags.ts';
import { writeFileAtomically } from '../basics/atomic-write.ts';
import { oneLine } from '../text/clean.ts';

export interface ReportCommandOptions {
  html?: string;
  csv?: string;
  roster?: string;
  canvas?: string;
  /** One Canvas column with the total, headed by this ("Autograder (4521)"), instead of one per exercise. */
  canvasAssignment?: string;
  /** `sgd=4521,adam=4522`: the Canvas assignment each exercise's column updates. */
  canvasIds?: string;
  moodle?: string;
  plain?: string;
  perStudent?: string;
  diff?: boolean;
}

const OUTPUTS = ['html', 'csv', 'canvas', 'moodle', 'plain', 'perStudent'] as const;

/**
 * `grade report <out-dir>... [--html F] [--csv F] [--roster R] [--canvas F] [--moodle F] [--plain F] [--per-student DIR]`:
 * merges shard folders and writes each output asked for. With a roster, folders it does not
 * know and roster students without results are reported (never dropped silently).
 */
export function reportMain(dirs: string[], o: ReportCommandOptions, io: { out: (t: string) => void; err: (t: string) => void }): ClassReport {
  if ((o.canvasAssignment !== undefined || o.canvasIds !== undefined) && !o.canvas) throw new ReportError('--canvas-assignment and --canvas-ids shape the columns of --canvas <file>: give --canvas too');
  let canvasIds: Map<string, string> | undefined;
  try {
    canvasIds = o.canvasIds === undefined ? undefined : parseCanvasIds(o.canvasIds);
  } catch (e) {
    throw new ReportError((e as Error).message);
  }
  if (!OUTPUTS.some((k) => o[k])) throw new ReportError('say what to write: --html, --csv, --canvas, --moodle, --plain <file> and/or --per-student <dir> (or --diff <old-out> <new-out>)');
  let roster;
  try {
    roster = o.roster ? readRoster(o.roster) : undefined;
  } catch (e) {
    if (e instanceof RosterError) throw new ReportError(e.message);
    throw e;
  }
  const loaded = loadResults(dirs);
  if (loaded.byStudent.size === 0) throw new ReportError(`no results found in ${dirs.join(', ')} (expected <dir>/<student>/<exercise>.json, as grade batch writes)`);
  for (const u of loaded.unreadable) {
    // The path holds the student's folder name: on one line, without escapes, like the notes below.
    const [file, student] = [oneLine(u.file, 300), oneLine(u.student, 80)];
    if (u.exercise) io.err(`grade report: ${file} ${u.why}: ${student} counts 0 for ${u.exercise} here; rerun grade batch on this class (it regrades a result it cannot read), or restore the file`);
    else io.err(`grade report: skipped ${file}: not a result file (${u.why})`);
  }
  if (loaded.duplicates.length > 0) io.err(`grade report: ${loaded.duplicates.length} results appear in more than one folder; kept the newest of each (${loaded.duplicates.slice(0, 3).join(', ')}${loaded.duplicates.length > 3 ? ', …' : ''})`);
  const unfinished = [...loaded.byStudent].flatMap(([student, m]) => [...m.values()].filter((r) => r.graderError !== undefined).map((r) => `${oneLine(student, 80)}/${r.exercise}`));
  if (unfinished.length > 0) io.err(`grade report: ${unfinished.length} grade${unfinished.length === 1 ? '' : 's'} the grader could not finish count 0 here (${unfinished.slice(0, 3).join(', ')}${unfinished.length > 3 ? ', …' : ''}): rerun grade batch, which retries them, before exporting`);
  const report = buildReport(loaded);
  flagRegradeChanges(report, dirs);
  const book = gradebookRows(report, roster);
  if (book.match) {
    for (const f of book.match.unknownFolders) io.err(`grade report: folder ${oneLine(f, 80)} has results but is not in the roster ${o.roster}: left out of the LMS exports`);
    for (const e of book.match.withoutSubmission) io.err(`grade report: ${e.name || e.folder} (folder ${e.folder}) is in the roster but has no results: blank grades in the LMS exports`);
  }
  const generated = new Date().toISOString();
  const written: string[] = [];
  const rosterNotes = book.match && o.roster ? { file: o.roster, unknownFolders: book.match.unknownFolders, withoutSubmission: book.match.withoutSubmission.map((e) => `${e.name || e.folder} (${e.folder})`) } : undefined;
  if (o.html) writeFileAtomically(o.html, renderHtml(report, { sources: dirs, generated, roster: rosterNotes }));
  if (o.csv) writeFileAtomically(o.csv, renderCsv(report));
  if (o.canvas) writeFileAtomically(o.canvas, renderCanvasCsv(report, book, o.canvasAssignment, canvasIds));
  if (o.moodle) writeFileAtomically(o.moodle, renderMoodleCsv(report, book));
  if (o.plain) writeFileAtomically(o.plain, renderPlainCsv(report, book));
  if (o.perStudent) written.push(`${writeStudentPages(o.perStudent, book, generated).length} feedback pages in ${o.perStudent}`);
  const files = [o.html, o.csv, o.canvas, o.moodle, o.plain].filter((f): f is string => f !== undefined);
  io.out(`report: ${report.students.length} students × ${report.exercises.length} exercises from ${dirs.length} folder${dirs.length === 1 ? '' : 's'}; class mean ${Math.round(report.classMean)}%${[...files, ...written].map((f) => ` → ${f}`).join('')}`);
  return report;
}
