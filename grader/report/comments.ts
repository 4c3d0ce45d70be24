import type { StudentRow } from './model.ts';

const pts = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/**
 * The feedback comment an LMS shows the student: per exercise, its score and each failed public
 * check with its message and hint. Hidden checks appear only as the points they gave, never by
 * message, name or what the code printed.
 */
export function studentComments(s: StudentRow | undefined): string {
  if (!s) return 'No submission was found for you.';
  const lines: string[] = [];
  for (const r of s.results) {
    lines.push(`${r.exercise}: ${pts(r.score)}/${pts(r.maxScore)}`);
    for (const c of r.checks.filter((c) => !c.hidden && !c.passed)) {
      const message = c.message.split('\n')[0]!;
      lines.push(`- ${c.name}: ${message}${c.hint ? ` (hint: ${c.hint})` : ''}`);
    }
    const hidden = r.checks.filter((c) => c.hidden);
    if (hidden.length > 0) lines.push(`- hidden checks: ${pts(hidden.reduce((a, c) => a + c.score, 0))}/${pts(hidden.reduce((a, c) => a + c.maxScore, 0))} points`);
  }
  return lines.join('\n');
}
