import type { ClassReport } from './model.ts';
import { exerciseHeader, num, writeCsv, type Gradebook } from './gradebook.ts';

/** The identity columns Canvas's gradebook importer reads, in its order (it checks that the last one is `Section`). */
/**
 * An exercise's column title: Canvas reads a header ending in " (digits)" as "title (assignment
 * id)" (Assignment.title_and_id, /\A(.*)\s\((\d+)\)\z/), so a title that happens to end so is
 * bracketed instead.
 */
const canvasTitle = (e: { id: string; title: string }): string => exerciseHeader(e).replace(/\s\((\d+)\)$/, ' [$1]');

/** `sgd=4521,adam=4522`: which Canvas assignment each exercise's column updates. */
export function parseCanvasIds(list: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of list.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^([\w-]+)=(\d+)$/.exec(pair);
    if (!m) throw new Error(`--canvas-ids expects exercise=CanvasAssignmentId pairs such as sgd=4521,adam=4522, but got "${pair}"`);
    map.set(m[1]!, m[2]!);
  }
  return map;
}

export const CANVAS_IDENTITY = ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section'] as const;

/**
 * A Canvas gradebook import file, in the layout of Canvas's own export that its importer
 * reads (checked against instructure/canvas-lms app/models/gradebook_importer.rb: the header
 * must start with /Student/ and /ID/, `SIS User ID` and `SIS Login ID` may follow at columns
 * 3–4, the last identity column must match /Section/; a row whose first cell matches
 * /Points Possible/ sets the assignments' points): `Student`, `ID`, `SIS User ID`,
 * `SIS Login ID`, `Section`, then one column per assignment, then a `Points Possible` row.
 * Canvas matches a student by `ID` (its user id), then SIS User ID, then SIS Login ID, then
 * name; an assignment column headed `Title (123)` updates assignment 123, any other header is
 * matched by title or creates an assignment. With `assignment` ("Autograder (4521)"), one
 * column holds each student's total; otherwise one column per exercise. A blank cell changes
 * nothing in Canvas (students without results, exercises not graded). `canvasIds` (exercise id →
 * Canvas assignment id) heads an exercise's column `… (4521)` so it updates that assignment.
 */
export function renderCanvasCsv(report: ClassReport, book: Gradebook, assignment?: string, canvasIds: Map<string, string> = new Map()): string {
  const single = assignment !== undefined;
  const headers = single ? [assignment] : report.exercises.map((e) => (canvasIds.has(e.id) ? `${canvasTitle(e)} (${canvasIds.get(e.id)})` : canvasTitle(e)));
  const possible = single ? [num(report.exercises.reduce((a, e) => a + e.maxScore, 0))] : report.exercises.map((e) => num(e.maxScore));
  const rows: (string | number)[][] = [[...CANVAS_IDENTITY, ...headers], ['Points Possible', '', '', '', '', ...possible]];
  for (const { who, student } of book.rows) {
    const grades = !student ? headers.map(() => '') : single ? [num(student.total)] : student.cells.map((c) => (c.present ? num(c.score) : ''));
    rows.push([who.name, who.lmsId, who.sisId, who.login, who.section, ...grades]);
  }
  return writeCsv(rows);
}
