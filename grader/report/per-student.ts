import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { visibleConsole } from '../render/student-visible.ts';
import type { CheckImage } from '../results/types.ts';
import { pngDataUri } from '../images/thumbnail.ts';
import { repoPath } from '../paths.ts';
import type { Gradebook } from './gradebook.ts';
import type { StudentRow } from './model.ts';

export const STUDENT_TEMPLATE = repoPath('reports', 'templates', 'student.hbs');

/** A picture's longer side on a student's own page: the charts' full width. */
const PAGE_PICTURE_SIDE = 480;

const pts = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/** A picture inlined as a data URI (decoded and encoded again: only a PNG's pixels reach the page), so the page is one file; a picture that is gone is left out. */
function inline(img: CheckImage): { url: string; caption: string } | undefined {
  const url = pngDataUri(img.path, PAGE_PICTURE_SIDE);
  return url ? { url, caption: img.caption } : undefined;
}

/**
 * One student's feedback page: self-contained HTML (inline CSS, pictures as data URIs, nothing
 * fetched) with what the class report shows for them, fit to send to the student: a hidden
 * check shows its name and points only (no message, hint, pictures or printed output), and the
 * printed output is that of the public checks.
 */
export function renderStudentPage(s: StudentRow, meta: { generated: string; section?: string }): string {
  const hb = Handlebars.create();
  hb.registerHelper('pts', (x: number) => pts(x));
  hb.registerHelper('pct100', (x: number) => `${Math.round(x)}%`);
  const template = hb.compile(fs.readFileSync(STUDENT_TEMPLATE, 'utf8'), { strict: false });
  const byId = new Map(s.results.map((r) => [r.exercise, r]));
  const exercises = s.cells.map((cell) => {
    const r = byId.get(cell.exercise);
    if (!r) return { exercise: cell.exercise, title: '', present: false };
    const checks = r.checks.map((c) => ({ ...c, images: c.hidden ? [] : (c.images ?? []).map(inline).filter((i) => i !== undefined) }));
    return { exercise: r.exercise, title: r.title, present: true, score: r.score, maxScore: r.maxScore, backend: r.backend, seed: r.seed, submittedAt: r.submittedAt, checks, console: visibleConsole(r).trimEnd() };
  });
  return template({ name: s.name, total: s.total, max: s.max, percent: s.percent, exercises, ...meta });
}

/** A file name from an id or folder name: letters, digits, `.`, `_`, `-` kept, anything else `_`. */
const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';

/** Writes one page per student with results into `dir`, named by SIS id, else LMS id, else folder; returns the files. */
export function writeStudentPages(dir: string, book: Gradebook, generated: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  const files: string[] = [];
  for (const { who, student } of book.rows) {
    if (!student) continue;
    const base = safeName(who.sisId || who.lmsId || who.folder);
    let name = `${base}.html`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.html`;
    used.add(name);
    const file = path.join(dir, name);
    fs.writeFileSync(file, renderStudentPage({ ...student, name: who.name || student.name }, { generated, section: who.section || undefined }));
    files.push(file);
  }
  return files;
}
