import { listExerciseIds } from '../manifest/load.ts';
import type { CheckResult, GradeResult } from '../results/types.ts';
import type { GradeChange } from './diff.ts';
import type { LoadedResults } from './load.ts';

export interface Cell {
  exercise: string;
  present: boolean;
  submitted: boolean;
  score: number;
  maxScore: number;
  passed: boolean;
  /** 'pass' | 'partial' | 'zero' | 'missing': for colour. */
  status: string;
  /** Set when the last regrade changed this grade (grader/report/regrade-flags.ts): the score before it. */
  previous?: number;
  /** The last regrade lowered this grade. */
  dropped?: boolean;
}

export interface FailedCheck extends CheckResult {
  exercise: string;
}

export interface StudentRow {
  name: string;
  /** A stable HTML id (names may hold any character). */
  anchor: string;
  cells: Cell[];
  total: number;
  max: number;
  percent: number;
  results: GradeResult[];
  failed: FailedCheck[];
  passedEverything: boolean;
}

export interface ExerciseColumn {
  id: string;
  title: string;
  maxScore: number;
  graded: number;
  submitted: number;
  passed: number;
  passRate: number;
  meanScore: number;
}

export interface CheckFailures {
  exercise: string;
  check: string;
  hidden: boolean;
  failed: number;
  of: number;
}

export interface HintCount {
  hint: string;
  count: number;
  where: string[];
}

export interface ClassReport {
  students: StudentRow[];
  exercises: ExerciseColumn[];
  /** Students per 10 % band of their total, 0–10 … 90–100. */
  histogram: { label: string; count: number }[];
  checkFailures: CheckFailures[];
  hints: HintCount[];
  classMean: number;
  /** Grades the last regrade changed (absent when there was no regrade). */
  regrade?: { snapshot: string; changes: GradeChange[] }[];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Exercises in catalogue order, unknown ids after them by name. */
function exerciseOrder(ids: Iterable<string>): string[] {
  const known = listExerciseIds();
  const rank = (id: string): number => (known.includes(id) ? known.indexOf(id) : known.length);
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b) || byCodePoint(a, b));
}

const notSubmitted = (r: GradeResult): boolean => r.checks.every((c) => c.message.startsWith('not submitted'));

/** Everything the HTML report and the CSV show, computed once from the merged results. */
export function buildReport(loaded: LoadedResults, topHints = 10): ClassReport {
  const names = [...loaded.byStudent.keys()].sort(byCodePoint);
  const ids = exerciseOrder([...loaded.byStudent.values()].flatMap((m) => [...m.keys()]));
  const maxOf = new Map<string, number>();
  const titleOf = new Map<string, string>();
  for (const m of loaded.byStudent.values())
    for (const r of m.values()) {
      maxOf.set(r.exercise, Math.max(maxOf.get(r.exercise) ?? 0, r.maxScore));
      titleOf.set(r.exercise, r.title);
    }

  const students: StudentRow[] = names.map((name, i) => {
    const m = loaded.byStudent.get(name)!;
    const cells: Cell[] = ids.map((id) => {
      const r = m.get(id);
      if (!r) return { exercise: id, present: false, submitted: false, score: 0, maxScore: maxOf.get(id) ?? 0, passed: false, status: 'missing' };
      const status = r.passed ? 'pass' : r.score > 0 ? 'partial' : 'zero';
      return { exercise: id, present: true, submitted: !notSubmitted(r), score: r.score, maxScore: r.maxScore, passed: r.passed, status };
    });
    const results = ids.map((id) => m.get(id)).filter((r): r is GradeResult => r !== undefined);
    const total = cells.reduce((a, c) => a + c.score, 0);
    const max = ids.reduce((a, id) => a + (maxOf.get(id) ?? 0), 0);
    const failed = results.flatMap((r) => r.checks.filter((c) => !c.passed).map((c) => ({ ...c, exercise: r.exercise })));
    return { name, anchor: `student-${i + 1}`, cells, total, max, percent: max > 0 ? (100 * total) / max : 0, results, failed, passedEverything: failed.length === 0 && results.length === ids.length };
  });

  const exercises: ExerciseColumn[] = ids.map((id) => {
    const rs = names.map((n) => loaded.byStudent.get(n)!.get(id)).filter((r): r is GradeResult => r !== undefined);
    const passed = rs.filter((r) => r.passed).length;
    const maxScore = maxOf.get(id) ?? 0;
    return {
      id,
      title: titleOf.get(id) ?? id,
      maxScore,
      graded: rs.length,
      submitted: rs.filter((r) => !notSubmitted(r)).length,
      passed,
      passRate: rs.length > 0 ? passed / rs.length : 0,
      meanScore: rs.length > 0 ? rs.reduce((a, r) => a + r.score, 0) / rs.length : 0,
    };
  });

  const histogram = Array.from({ length: 10 }, (_, k) => ({ label: `${k * 10}–${k * 10 + 10}%`, count: 0 }));
  for (const s of students) histogram[Math.min(9, Math.floor(s.percent / 10))]!.count++;

  const failures = new Map<string, CheckFailures>();
  const hints = new Map<string, HintCount>();
  for (const s of students)
    for (const r of s.results)
      for (const c of r.checks) {
        const key = `${r.exercise}\u0000${c.name}`;
        const f = failures.get(key) ?? { exercise: r.exercise, check: c.name, hidden: c.hidden, failed: 0, of: 0 };
        f.of++;
        if (!c.passed) f.failed++;
        failures.set(key, f);
        if (!c.passed && c.hint) {
          const h = hints.get(c.hint) ?? { hint: c.hint, count: 0, where: [] };
          h.count++;
          const where = `${r.exercise} › ${c.name}`;
          if (!h.where.includes(where)) h.where.push(where);
          hints.set(c.hint, h);
        }
      }
  const checkFailures = [...failures.values()].filter((f) => f.failed > 0).sort((a, b) => b.failed - a.failed || byCodePoint(a.exercise, b.exercise) || byCodePoint(a.check, b.check));
  const hintList = [...hints.values()].sort((a, b) => b.count - a.count || byCodePoint(a.hint, b.hint)).slice(0, topHints);
  const classMean = students.length > 0 ? students.reduce((a, s) => a + s.percent, 0) / students.length : 0;
  return { students, exercises, histogram, checkFailures, hints: hintList, classMean };
}
