import fs from 'node:fs';
import { parse } from 'csv-parse/sync';

/** One student of the class as the LMS knows them, keyed by their submission folder's name. */
export interface RosterEntry {
  /** The student's folder in the class folder (and in the results). */
  folder: string;
  name: string;
  /** The LMS's own user id (Canvas: the `ID` column). */
  lmsId: string;
  /** The institution's student id (Canvas: `SIS User ID`; Moodle: `ID number`). */
  sisId: string;
  /** The login (Canvas: `SIS Login ID`). */
  login: string;
  email: string;
  section: string;
}

export interface Roster {
  file: string;
  entries: RosterEntry[];
  byFolder: Map<string, RosterEntry>;
}

/** A roster that cannot be used (no folder column, a folder listed twice): the CLI exits 2. */
export class RosterError extends Error {}

type Field = Exclude<keyof RosterEntry, never>;

/** Accepted headers, compared without case, spaces, underscores or dashes. */
const ALIASES: Record<Field, string[]> = {
  folder: ['folder', 'student', 'studentfolder', 'github', 'githubusername', 'username'],
  name: ['name', 'fullname', 'studentname', 'sortablename'],
  lmsId: ['lmsid', 'id', 'canvasid', 'canvasuserid', 'userid'],
  sisId: ['sisid', 'sisuserid', 'studentid', 'idnumber'],
  login: ['login', 'sisloginid', 'loginid'],
  email: ['email', 'emailaddress', 'mail'],
  section: ['section', 'sections', 'group'],
};

const norm = (h: string): string => h.toLowerCase().replace(/[\s_-]+/g, '');

function columnFor(header: string): Field | undefined {
  const h = norm(header);
  return (Object.keys(ALIASES) as Field[]).find((f) => ALIASES[f].includes(h));
}

/**
 * Reads a roster CSV (RFC 4180, UTF-8 with or without BOM): a header row, then one row per
 * student. Only the folder column is required (`folder`, or `student`, `github`, `username`);
 * `name`, `lms_id`, `sis_id`, `login`, `email`, `section` (and their usual LMS spellings, e.g.
 * `SIS User ID`, `Email address`) fill the exports' identity columns.
 */
export function readRoster(file: string): Roster {
  let rows: string[][];
  try {
    rows = parse(fs.readFileSync(file), { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    throw new RosterError(`roster ${file} cannot be read: ${(e as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header) throw new RosterError(`roster ${file} is empty: expected a header row such as folder,name,lms_id,sis_id,login,email,section`);
  const cols = header.map(columnFor);
  if (!cols.includes('folder')) throw new RosterError(`roster ${file} has no folder column (the student's folder name): its header is ${header.join(',')}`);
  const entries: RosterEntry[] = [];
  const byFolder = new Map<string, RosterEntry>();
  body.forEach((row, i) => {
    const e: RosterEntry = { folder: '', name: '', lmsId: '', sisId: '', login: '', email: '', section: '' };
    cols.forEach((c, j) => {
      if (c && e[c] === '') e[c] = row[j] ?? '';
    });
    if (e.folder === '') throw new RosterError(`roster ${file} row ${i + 2} has no folder name`);
    if (byFolder.has(e.folder)) throw new RosterError(`roster ${file} lists folder ${e.folder} twice (rows ${entries.indexOf(byFolder.get(e.folder)!) + 2} and ${i + 2})`);
    entries.push(e);
    byFolder.set(e.folder, e);
  });
  return { file, entries, byFolder };
}

/** Who is where: results folders the roster does not know, and roster students with no results. */
export interface RosterMatch {
  unknownFolders: string[];
  withoutSubmission: RosterEntry[];
}

export function matchRoster(roster: Roster, folders: Iterable<string>): RosterMatch {
  const seen = new Set(folders);
  return {
    unknownFolders: [...seen].filter((f) => !roster.byFolder.has(f)).sort(),
    withoutSubmission: roster.entries.filter((e) => !seen.has(e.folder)),
  };
}

/** The identity of a folder without a roster: the folder name as the name, nothing else. */
export function bareIdentity(folder: string): RosterEntry {
  return { folder, name: folder, lmsId: '', sisId: '', login: '', email: '', section: '' };
}
