import type { CheckResult, GradeEnvironment, GradeResult } from '../results/types.ts';
import type { LoadedResults } from './load.ts';
import { oneLine } from '../text/clean.ts';

/** One check in both runs (either side absent when the check was added or removed). */
export interface CheckPair {
  name: string;
  old?: CheckResult;
  new?: CheckResult;
  changed: boolean;
}

/** A (student, exercise) whose grade differs between two runs. */
export interface GradeChange {
  student: string;
  exercise: string;
  /** `changed`: graded in both runs; `added`/`removed`: graded in one run only. */
  kind: 'changed' | 'added' | 'removed';
  oldScore?: number;
  newScore?: number;
  maxScore: number;
  checks: CheckPair[];
  /** What differs in the environment blocks: the likely reasons. */
  why: string[];
}

export interface ResultsDiff {
  /** Grades present in both runs. */
  compared: number;
  changes: GradeChange[];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const checkChanged = (a?: CheckResult, b?: CheckResult): boolean => !a || !b || a.passed !== b.passed || a.score !== b.score || a.maxScore !== b.maxScore;

function pairChecks(a: GradeResult | undefined, b: GradeResult | undefined): CheckPair[] {
  const names = [...new Set([...(a?.checks ?? []), ...(b?.checks ?? [])].map((c) => c.name))];
  return names.map((name) => {
    const o = a?.checks.find((c) => c.name === name);
    const n = b?.checks.find((c) => c.name === name);
    return { name, old: o, new: n, changed: checkChanged(o, n) };
  });
}

/** The environment fields that differ, in words ("tfjs 4.21.0 → 4.22.0", "check spec changed: one step"). */
export function environmentDifferences(a?: GradeEnvironment, b?: GradeEnvironment): string[] {
  if (!a || !b) return a === b ? [] : ['one run has no environment block (graded before it was recorded)'];
  const out: string[] = [];
  const fields: (keyof GradeEnvironment)[] = ['grader', 'graderCommit', 'tfjs', 'backend', 'seed', 'node', 'platform'];
  for (const f of fields) if (a[f] !== b[f]) out.push(`${f} ${String(a[f] ?? '–')} → ${String(b[f] ?? '–')}`);
  const specs = [...new Set([...Object.keys(a.checkSpecs ?? {}), ...Object.keys(b.checkSpecs ?? {})])].filter((k) => a.checkSpecs?.[k] !== b.checkSpecs?.[k]);
  if (specs.length > 0) out.push(`check spec changed (tolerance, budget or margin): ${specs.join(', ')}`);
  return out;
}

/**
 * Every (student, exercise) whose grade differs between two runs: a different score, a check
 * that passed in one and not the other or scored differently, or a grade present in one run
 * only. Messages and timings are not compared (they name measured values that may move while
 * the verdict does not).
 */
export function diffResults(oldRun: LoadedResults, newRun: LoadedResults): ResultsDiff {
  const students = [...new Set([...oldRun.byStudent.keys(), ...newRun.byStudent.keys()])].sort(byCodePoint);
  const changes: GradeChange[] = [];
  let compared = 0;
  for (const student of students) {
    const o = oldRun.byStudent.get(student) ?? new Map<string, GradeResult>();
    const n = newRun.byStudent.get(student) ?? new Map<string, GradeResult>();
    for (const exercise of [...new Set([...o.keys(), ...n.keys()])].sort(byCodePoint)) {
      const a = o.get(exercise);
      const b = n.get(exercise);
      const checks = pairChecks(a, b);
      const maxScore = b?.maxScore ?? a?.maxScore ?? 0;
      if (a && b) {
        compared++;
        if (a.score === b.score && !checks.some((c) => c.changed)) continue;
        changes.push({ student, exercise, kind: 'changed', oldScore: a.score, newScore: b.score, maxScore, checks, why: environmentDifferences(a.environment, b.environment) });
      } else {
        changes.push({ student, exercise, kind: a ? 'removed' : 'added', oldScore: a?.score, newScore: b?.score, maxScore, checks, why: [] });
      }
    }
  }
  return { compared, changes };
}

const pts = (x: number | undefined): string => (x === undefined ? '–' : Number.isInteger(x) ? String(x) : x.toFixed(2));
const checkText = (c?: CheckResult): string => (c ? `${c.passed ? '✓' : '✗'} ${pts(c.score)}/${pts(c.maxScore)}` : 'absent');

/** The diff as text: a summary line, then each changed grade with both check lists and the likely reasons. */
export function renderDiff(d: ResultsDiff, oldLabel: string, newLabel: string): string {
  const lines: string[] = [];
  if (d.changes.length === 0) {
    lines.push(`no changes: ${d.compared} grade${d.compared === 1 ? '' : 's'} compared (${oldLabel} → ${newLabel})`);
    return lines.join('\n');
  }
  const count = (k: GradeChange['kind']): number => d.changes.filter((c) => c.kind === k).length;
  lines.push(`${d.changes.length} grade${d.changes.length === 1 ? '' : 's'} differ (${oldLabel} → ${newLabel}): ${count('changed')} changed of ${d.compared} compared, ${count('added')} only in the new run, ${count('removed')} only in the old run`);
  for (const c of d.changes) {
    const delta = c.oldScore !== undefined && c.newScore !== undefined ? c.newScore - c.oldScore : undefined;
    const arrow = delta === undefined ? '' : delta < 0 ? ` (dropped ${pts(-delta)})` : delta > 0 ? ` (rose ${pts(delta)})` : ' (same total, checks differ)';
    lines.push(`${oneLine(c.student, 80)} ${c.exercise}: ${pts(c.oldScore)} → ${pts(c.newScore)} of ${pts(c.maxScore)}${arrow}${c.kind === 'changed' ? '' : ` [${c.kind === 'added' ? 'only in the new run' : 'only in the old run'}]`}`);
    const width = Math.max(...c.checks.map((p) => p.name.length), 10);
    for (const p of c.checks) lines.push(`  ${p.changed ? '*' : ' '} ${p.name.padEnd(width)}  ${checkText(p.old).padEnd(10)} → ${checkText(p.new)}`);
    for (const w of c.why) lines.push(`    why: ${w}`);
  }
  return lines.join('\n');
}
