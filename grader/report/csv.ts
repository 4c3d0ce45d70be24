import { stripControlsKeepingLines } from '../text/clean.ts';
import type { ClassReport } from './model.ts';

/**
 * One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF (quotes doubled
 * inside). A text field a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe, the usual guard against CSV injection through a folder name.
 */
export function csvField(value: string | number, text = true): string {
  // A folder name is the student's: no terminal escape or control character reaches the file.
  let s = stripControlsKeepingLines(String(value));
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100));

/** The gradebook: a header, then one row per student: name, one column per exercise, total. CRLF line ends. */
export function renderCsv(report: ClassReport): string {
  const header = ['student', ...report.exercises.map((e) => e.id), 'total'].map((h) => csvField(h));
  const rows = report.students.map((s) => [csvField(s.name), ...s.cells.map((c) => (c.present ? num(c.score) : '')), num(s.total)].join(','));
  return [header.join(','), ...rows].map((l) => `${l}\r\n`).join('');
}
