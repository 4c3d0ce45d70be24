import { pngDataUri } from '../images/thumbnail.ts';
import type { CheckImage, CheckResult, GradeResult } from '../results/types.ts';
import { hiddenCheckText, messageWithHint, visibleCheckConsole, visibleConsole } from './student-visible.ts';

/** An image as PrairieLearn renders it: a data URI and a label. */
export interface PrairieLearnImage {
  url: string;
  label: string;
}

export interface PrairieLearnTest {
  name: string;
  description: string;
  points: number;
  max_points: number;
  message: string;
  output: string;
  images?: PrairieLearnImage[];
}

/** PrairieLearn's external grader `results.json` (grader/render/schemas/prairielearn-results.schema.json). */
export interface PrairieLearnResults {
  gradable: boolean;
  score?: number;
  format_errors?: string[];
  message: string;
  output: string;
  tests: PrairieLearnTest[];
}

/** PrairieLearn asks that results.json stay under 1 MB. */
export const PRAIRIELEARN_LIMIT_BYTES = 1_000_000;

const round = (x: number): number => Math.round(x * 10_000) / 10_000;
const pts = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/** A picture's longer side in results.json (the grader's own are at most 480; a larger one is scaled down). */
const PICTURE_SIDE = 1024;

function dataUri(img: CheckImage): PrairieLearnImage | undefined {
  // Decoded and encoded again: only a PNG's pixels travel; a picture that is gone (moved, cleaned) is left out and the test still reports.
  const url = pngDataUri(img.path, PICTURE_SIDE);
  return url ? { url, label: img.caption } : undefined;
}

/** A hidden check shows its points and whether it passed, never its message, output or pictures. */
function toTest(r: GradeResult, c: CheckResult): PrairieLearnTest {
  const name = `${r.exercise} › ${c.name}`;
  if (c.hidden) return { name, description: `hidden ${c.kind} check`, points: c.score, max_points: c.maxScore, message: hiddenCheckText(c), output: '' };
  const images = (c.images ?? []).map(dataUri).filter((i): i is PrairieLearnImage => i !== undefined);
  return { name, description: `${c.kind} check`, points: c.score, max_points: c.maxScore, message: messageWithHint(c), output: visibleCheckConsole(c), ...(images.length > 0 ? { images } : {}) };
}

/** Nothing of the submission could run: a missing file, a compile error, a crash while loading. */
const couldNotLoad = (r: GradeResult): boolean => r.backend === 'none';

const size = (x: unknown): number => Buffer.byteLength(JSON.stringify(x));

/** Brings the file under the limit: drops pictures (largest first), then shortens outputs; says what was left out. */
function fitLimit(res: PrairieLearnResults, limit: number): PrairieLearnResults {
  const notes: string[] = [];
  const withImages = () => res.tests.filter((t) => t.images && t.images.length > 0);
  while (size(res) > limit && withImages().length > 0) {
    const t = withImages().sort((a, b) => size(b.images) - size(a.images))[0]!;
    t.images = undefined;
    notes.push(`the pictures of "${t.name}" were left out (results.json must stay under 1 MB)`);
  }
  for (const t of res.tests) if (!t.images) delete t.images;
  const cap = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}\n… (${s.length - n} more characters left out: results.json must stay under 1 MB)` : s);
  for (let n = 20_000; size(res) > limit && n >= 200; n = Math.floor(n / 4)) {
    res.output = cap(res.output, n);
    for (const t of res.tests) {
      t.output = cap(t.output, n);
      t.message = cap(t.message, n);
    }
  }
  if (notes.length > 0) res.message = `${res.message}\n${notes.join('\n')}`;
  return res;
}

/**
 * PrairieLearn's external grader results (https://prairielearn.readthedocs.io/en/latest/externalGrading/):
 * `score` in 0–1 over every exercise graded, one test per check with its points, pictures as
 * data URIs, the whole under 1 MB. When nothing of the submission could be loaded, the result
 * is `gradable: false` with the reasons as `format_errors`, so it costs the student no attempt;
 * so is a grade the grader itself could not finish (`graderError`).
 */
export function toPrairieLearn(results: GradeResult[], limit = PRAIRIELEARN_LIMIT_BYTES): PrairieLearnResults {
  const total = results.reduce((a, r) => a + r.score, 0);
  const max = results.reduce((a, r) => a + r.maxScore, 0);
  const message = results.map((r) => `${r.exercise}: ${pts(r.score)}/${pts(r.maxScore)}`).join('\n');
  const output = results
    .map((r) => [r.exercise, visibleConsole(r).trimEnd()] as const)
    .filter(([, t]) => t !== '')
    .map(([id, t]) => `${id}: your code printed:\n${t}`)
    .join('\n\n');
  const tests = results.flatMap((r) => r.checks.map((c) => toTest(r, c)));
  const unfinished = results.filter((r) => r.graderError !== undefined);
  if (unfinished.length > 0) {
    // The grader's own failure must not cost the student an attempt or points.
    const format_errors = unfinished.map((r) => `${r.exercise}: the grader could not grade this (${r.graderError!.slice(0, 300)}); this is not your mistake`);
    return fitLimit({ gradable: false, format_errors, message: 'The autograder could not finish grading; this attempt does not count. Please submit again.', output, tests: [] }, limit);
  }
  if (results.length > 0 && results.every(couldNotLoad)) {
    // The first check's message is the loading error (every check carries it); hidden or not, it is about the file.
    const format_errors = results.map((r) => `${r.exercise}: ${r.checks[0]?.message ?? 'could not be graded'}`);
    return fitLimit({ gradable: false, format_errors, message: 'Your submission could not be loaded, so it was not graded and costs no attempt.', output, tests: [] }, limit);
  }
  return fitLimit({ gradable: true, score: max > 0 ? round(total / max) : 0, message, output, tests }, limit);
}

export function renderPrairieLearn(results: GradeResult[]): string {
  return `${JSON.stringify(toPrairieLearn(results), null, 2)}\n`;
}

/** What PrairieLearn gets when grading itself crashed: not gradable (no attempt lost), with the error. */
export function prairieLearnCrash(error: unknown): PrairieLearnResults {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { gradable: false, format_errors: [`The autograder could not finish grading: ${message}`], message: 'The autograder could not finish grading; this attempt does not count.', output: '', tests: [] };
}
