import pc from 'picocolors';
import type { GradeResult } from '../results/types.ts';
import { stripControls } from '../text/clean.ts';

/** Lines of the student's own console output shown under the result. */
const CONSOLE_LINES = 15;

const pts = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

/**
 * One line per check, details under each failure, then the total. Messages, hints and the
 * console can carry what a submission wrote: control sequences are removed here once more, so
 * nothing the student made can move the cursor, clear the screen or recolour the verdict.
 */
export function renderConsole(r: GradeResult, color = false): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  lines.push(c.bold(`${r.exercise} — ${r.title}`) + c.dim(` (notes ${r.notes}) · backend ${r.backend} · seed ${r.seed}`));
  const width = Math.max(...r.checks.map((ch) => ch.name.length), 10);
  for (const ch of r.checks) {
    const mark = ch.passed ? c.green('✓') : c.red('✗');
    const score = `${pts(ch.score)}/${pts(ch.maxScore)}`;
    const kind = c.dim(`[${ch.kind}${ch.hidden ? ', hidden' : ''}]`);
    lines.push(`  ${mark} ${ch.name.padEnd(width)}  ${score.padStart(7)}  ${kind}`);
    if (!ch.passed) {
      lines.push(indent(stripControls(ch.message), '      '));
      if (ch.hint) lines.push(indent(`hint: ${stripControls(ch.hint)}`, '      '));
    }
    for (const img of ch.images ?? []) lines.push(`      picture: ${img.path}` + c.dim(` — ${img.caption}`));
  }
  const total = `Total ${pts(r.score)}/${pts(r.maxScore)}`;
  lines.push(`  ${r.passed ? c.green(c.bold(total)) : c.bold(total)}` + c.dim(`  (${(r.durationMs / 1000).toFixed(1)} s)`));
  if (r.studentConsole.trim() !== '') {
    const printed = stripControls(r.studentConsole).trimEnd().split('\n');
    const shown = printed.slice(0, CONSOLE_LINES);
    lines.push(c.dim('  Your code printed:'));
    lines.push(indent(shown.join('\n'), c.dim('  │ ')));
    if (printed.length > shown.length) lines.push(c.dim(`  │ … ${printed.length - shown.length} more lines (see --format json)`));
  }
  return lines.join('\n');
}
