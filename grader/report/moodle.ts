import { studentComments } from './comments.ts';
import type { ClassReport } from './model.ts';
import { exerciseHeader, num, writeCsv, type Gradebook } from './gradebook.ts';

/**
 * A file for Moodle's "Import grades > CSV file" (https://docs.moodle.org/en/Grade_import; code:
 * moodle/moodle grade/import/csv/classes/load_data.php, whose map_user_data_with_value looks a
 * user up by `userid`, `useridnumber`, `useremail` or `username`): a header row, one row per
 * student. On import, map `Email address` to the user field "Email address" (`useremail`), each exercise column (or `Total`) to its grade
 * item, and `Feedback` to that item's feedback. `ID number` is there for mapping by ID number
 * instead. Students without results get blank grades (review them in Moodle's import preview).
 */
export function renderMoodleCsv(report: ClassReport, book: Gradebook): string {
  const rows: (string | number)[][] = [['Email address', 'ID number', 'Full name', ...report.exercises.map(exerciseHeader), 'Total', 'Feedback']];
  for (const { who, student } of book.rows) {
    const grades = student ? student.cells.map((c) => (c.present ? num(c.score) : '')) : report.exercises.map(() => '');
    rows.push([who.email, who.sisId, who.name, ...grades, student ? num(student.total) : '', studentComments(student)]);
  }
  return writeCsv(rows);
}
