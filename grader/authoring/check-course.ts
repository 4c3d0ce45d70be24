import fs from 'node:fs';
import path from 'node:path';
import pLimit from 'p-limit';
import type { BackendChoice } from '../backends/names.ts';
import { courseFiles } from '../course/files.ts';
import { assertCourseResolves, CourseError } from '../course/resolve.ts';
import { gradeExercise } from '../grade/grade-exercise.ts';
import { loadManifest, ManifestError } from '../manifest/load.ts';
import { readmeRuleProblems } from '../manifest/readme-rules.ts';
import { EXERCISES_DIR } from '../paths.ts';
import type { GradeResult } from '../results/types.ts';
import { referenceSubmission, stubSubmission, submissionWith } from './answer-key.ts';

/**
 * `grade check-course`: the loop an author runs while writing an exercise. For each exercise it
 * resolves the manifest against the course folder, checks the README's rules table, and grades
 * the reference (full marks), the stub (zero, "not implemented yet" everywhere), every wrong/
 * fixture (must lose points) and every correct/ fixture (full marks). Each finding says what
 * the author must fix.
 */

export type Role = 'reference' | 'stub' | 'wrong' | 'correct';

export interface Finding {
  exercise: string;
  /** "reference", "stub", "wrong/<name>", "correct/<name>", "manifest" or "README". */
  subject: string;
  ok: boolean;
  /** One line: the score, or what is wrong and what to do. */
  text: string;
}

export interface CheckCourseOptions {
  backend: BackendChoice;
  seed: number;
  jobs: number;
  timeoutCap?: number;
  /** Told each finding as soon as it is known (order of completion). */
  onFinding?: (f: Finding) => void;
}

interface Submission {
  exercise: string;
  role: Role;
  subject: string;
  dir: () => string;
}

const NOT_IMPLEMENTED = 'not implemented yet';

function fixtures(id: string, role: 'wrong' | 'correct'): Submission[] {
  const dir = role === 'wrong' ? courseFiles.wrong(id) : courseFiles.correct(id);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => ({ exercise: id, role, subject: `${role}/${f}`, dir: () => submissionWith(id, fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

const lost = (r: GradeResult) => r.checks.filter((c) => !c.passed);
const score = (r: GradeResult) => `${r.score}/${r.maxScore}`;

/** What an author reads about one graded submission. */
export function judgeResult(role: Role, r: GradeResult): { ok: boolean; text: string } {
  if (r.graderError !== undefined) return { ok: false, text: `the grader failed: ${r.graderError}` };
  const failed = lost(r);
  const first = failed[0] ? `"${failed[0].name}": ${failed[0].message}` : '';
  switch (role) {
    case 'reference':
      return failed.length === 0 ? { ok: true, text: `${score(r)}` } : { ok: false, text: `${score(r)}: the answer key loses points on ${first} — fix the reference, the recipe or the tolerance` };
    case 'correct':
      return failed.length === 0 ? { ok: true, text: `${score(r)}` } : { ok: false, text: `${score(r)}: a correct answer loses points on ${first} — widen the check, or state the restriction in the README and move the fixture to wrong/` };
    case 'stub': {
      const speaking = r.checks.filter((c) => c.message !== NOT_IMPLEMENTED);
      if (r.score === 0 && speaking.length === 0) return { ok: true, text: `0/${r.maxScore}, every check says "${NOT_IMPLEMENTED}"` };
      const c = speaking[0] ?? r.checks.find((x) => x.passed)!;
      return { ok: false, text: `${score(r)}: check "${c.name}" says "${c.message}" — the stub must throw NotImplemented from every export, and no check may pass without the student's code` };
    }
    case 'wrong': {
      if (failed.length === 0) return { ok: false, text: `${score(r)}: no check catches this mistake — add a case or a check that does, or move the fixture to correct/ if it is right` };
      const hinted = failed.find((c) => c.hint);
      return { ok: true, text: `${score(r)}, fails ${failed.map((c) => `"${c.name}"`).join(', ')}${hinted ? ` (hint: ${hinted.hint})` : ''}` };
    }
  }
}

function staticFindings(id: string): Finding[] {
  const out: Finding[] = [];
  const readmeFile = path.join(EXERCISES_DIR, id, 'README.md');
  const readme = fs.existsSync(readmeFile) ? fs.readFileSync(readmeFile, 'utf8') : undefined;
  if (readme === undefined) out.push({ exercise: id, subject: 'README', ok: false, text: `exercises/${id}/README.md is missing: every exercise has one (grade new writes a skeleton)` });
  else {
    const problems = readmeRuleProblems(id, readme, loadManifest(id).checks);
    out.push({ exercise: id, subject: 'README', ok: problems.length === 0, text: problems.length === 0 ? 'every rule has a row in its table' : problems.join('\n      ') });
  }
  if (fixtures(id, 'wrong').length === 0) out.push({ exercise: id, subject: 'wrong/', ok: false, text: `no wrong submissions in ${path.relative(process.cwd(), courseFiles.wrong(id)) || courseFiles.wrong(id)}: add the mistakes students make, each must lose points` });
  return out;
}

const FIRST = ['manifest', 'README', 'wrong/', 'reference', 'stub'];

/** Report order within an exercise: the static findings, the reference, the stub, then the fixtures by name. */
function rank(f: Finding): number {
  const i = FIRST.indexOf(f.subject);
  return i >= 0 ? i : f.subject.startsWith('wrong/') ? FIRST.length : FIRST.length + 1;
}

/** Checks the exercises; resolves to every finding, in a stable order (exercise, then subject). */
export async function checkCourse(ids: string[], o: CheckCourseOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  const note = (f: Finding) => {
    findings.push(f);
    o.onFinding?.(f);
  };
  const todo: Submission[] = [];
  for (const id of ids) {
    try {
      await assertCourseResolves(loadManifest(id));
    } catch (e) {
      if (!(e instanceof CourseError || e instanceof ManifestError)) throw e;
      note({ exercise: id, subject: 'manifest', ok: false, text: e.message.replace(/\n/g, '\n      ') });
      continue; // nothing of it can be graded
    }
    note({ exercise: id, subject: 'manifest', ok: true, text: 'every case recipe, task and judge it names exists' });
    for (const f of staticFindings(id)) note(f);
    todo.push({ exercise: id, role: 'reference', subject: 'reference', dir: () => referenceSubmission(id) });
    todo.push({ exercise: id, role: 'stub', subject: 'stub', dir: () => stubSubmission(id) });
    todo.push(...fixtures(id, 'wrong'), ...fixtures(id, 'correct'));
  }
  // The reference of each exercise first, so its results are cached before the others need them.
  const limit = pLimit(Math.max(1, o.jobs));
  const grade = (s: Submission) =>
    limit(async () => {
      let dir: string | undefined;
      try {
        dir = s.dir();
        const r = await gradeExercise(s.exercise, { submissionDir: dir, backend: o.backend, seed: o.seed, timeoutCap: o.timeoutCap });
        note({ exercise: s.exercise, subject: s.subject, ...judgeResult(s.role, r) });
      } catch (e) {
        note({ exercise: s.exercise, subject: s.subject, ok: false, text: `could not be graded: ${(e as Error).message}` });
      } finally {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  await Promise.all(todo.filter((s) => s.role === 'reference').map(grade));
  await Promise.all(todo.filter((s) => s.role !== 'reference').map(grade));
  return findings.sort((a, b) => a.exercise.localeCompare(b.exercise) || rank(a) - rank(b) || a.subject.localeCompare(b.subject));
}

/** The report an author reads: one block per exercise, ✓/✗ per subject, and a last line. */
export function renderFindings(findings: Finding[]): string {
  const lines: string[] = [];
  let current = '';
  for (const f of findings) {
    if (f.exercise !== current) {
      current = f.exercise;
      lines.push(current);
    }
    lines.push(`  ${f.ok ? '✓' : '✗'} ${f.subject}: ${f.text}`);
  }
  const bad = findings.filter((f) => !f.ok).length;
  const exercises = new Set(findings.map((f) => f.exercise)).size;
  lines.push(bad === 0 ? `all is well: ${exercises} exercise${exercises === 1 ? '' : 's'} checked` : `${bad} thing${bad === 1 ? '' : 's'} to fix`);
  return lines.join('\n');
}
