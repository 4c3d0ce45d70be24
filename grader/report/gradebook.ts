import { stripControlsKeepingLines } from '../text/clean.ts';
import { stringify } from 'csv-stringify/sync';
import { bareIdentity, matchRoster, type Roster, type RosterEntry, type RosterMatch } from '../roster/roster.ts';
import type { ClassReport, StudentRow } from './model.ts';

/** One gradebook line: who (from the roster, or the folder name alone) and their row of the class table, if they have results. */
export interface GradebookRow {
  who: RosterEntry;
  student?: StudentRow;
}

export interface Gradebook {
  rows: GradebookRow[];
  /** With a roster: folders it does not know (left out of the exports) and students with no results. */
  match?: RosterMatch;
}

/**
 * The rows every LMS export writes. With a roster: one per roster student in roster order
 * (without results, their grades are left blank), and folders the roster does not know are
 * left out (the caller reports both). Without one: one per results folder, named by the folder.
 */
export function gradebookRows(report: ClassReport, roster?: Roster): Gradebook {
  if (!roster) return { rows: report.students.map((s) => ({ who: bareIdentity(s.name), student: s })) };
  const byName = new Map(report.students.map((s) => [s.name, s]));
  return { rows: roster.entries.map((who) => ({ who, student: byName.get(who.folder) })), match: matchRoster(roster, byName.keys()) };
}

export const num = (x: number): number => (Number.isInteger(x) ? x : Math.round(x * 100) / 100);

/** A text field a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe. */
const defuse = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** RFC 4180 with CRLF line ends, through csv-stringify; text fields defused against formula injection and cleaned of terminal escapes and control characters. */
export function writeCsv(rows: (string | number)[][]): string {
  return stringify(rows, { record_delimiter: '\r\n', cast: { string: (s) => defuse(stripControlsKeepingLines(s)) } });
}

/** An exercise's gradebook header: its id and title ("sgd — Stochastic gradient descent: …"). */
export const exerciseHeader = (e: { id: string; title: string }): string => (e.title && e.title !== e.id ? `${e.id} — ${e.title}` : e.id);
