import fs from 'node:fs';
import path from 'node:path';
import { renderCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { loadResults, ReportError } from './load.ts';
import { buildReport, type ClassReport } from './model.ts';

export interface ReportCommandOptions {
  html?: string;
  csv?: string;
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** `grade report <out-dir>... --html F --csv F`: merges shard folders, writes the report and gradebook. */
export function reportMain(dirs: string[], o: ReportCommandOptions, io: { out: (t: string) => void; err: (t: string) => void }): ClassReport {
  if (!o.html && !o.csv) throw new ReportError('say what to write: --html <file> and/or --csv <file>');
  const loaded = loadResults(dirs);
  if (loaded.byStudent.size === 0) throw new ReportError(`no results found in ${dirs.join(', ')} (expected <dir>/<student>/<exercise>.json, as grade batch writes)`);
  for (const f of loaded.unreadable) io.err(`grade report: skipped ${f}: not a result file`);
  if (loaded.duplicates.length > 0) io.err(`grade report: ${loaded.duplicates.length} results appear in more than one folder; kept the newest of each (${loaded.duplicates.slice(0, 3).join(', ')}${loaded.duplicates.length > 3 ? ', …' : ''})`);
  const report = buildReport(loaded);
  if (o.html) writeAtomically(o.html, renderHtml(report, { sources: dirs, generated: new Date().toISOString() }));
  if (o.csv) writeAtomically(o.csv, renderCsv(report));
  io.out(`report: ${report.students.length} students × ${report.exercises.length} exercises from ${dirs.length} folder${dirs.length === 1 ? '' : 's'}; class mean ${Math.round(report.classMean)}%${o.html ? ` → ${o.html}` : ''}${o.csv ? ` → ${o.csv}` : ''}`);
  return report;
}
