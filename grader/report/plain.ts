import { studentComments } from './comments.ts';
import type { ClassReport } from './model.ts';
import { num, writeCsv, type Gradebook } from './gradebook.ts';

/**
 * The plain gradebook many LMS imports and scripts take: `student_id,score,max,comments`, one
 * row per student; the id is the SIS id, else the LMS id, else the folder name; comments are
 * the student-visible feedback (grader/report/comments.ts).
 */
export function renderPlainCsv(report: ClassReport, book: Gradebook): string {
  const max = num(report.exercises.reduce((a, e) => a + e.maxScore, 0));
  const rows: (string | number)[][] = [['student_id', 'score', 'max', 'comments']];
  for (const { who, student } of book.rows) rows.push([who.sisId || who.lmsId || who.folder, student ? num(student.total) : '', max, studentComments(student)]);
  return writeCsv(rows);
}
