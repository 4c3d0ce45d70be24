import { pngDataUri } from '../images/thumbnail.ts';
import type { CheckResult, GradeResult } from '../results/types.ts';
import { hiddenCheckText, messageWithHint, visibleCheckConsole, visibleConsole } from './student-visible.ts';

/** One entry of Gradescope's `tests[]`. */
export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  /** 'html' for a check with pictures (inlined as data URIs), else 'text'. */
  output_format: 'text' | 'html';
  /** The check kind and the exercise id, so tests can be filtered in Gradescope. */
  tags: string[];
  visibility: 'visible' | 'hidden' | 'after_due_date' | 'after_published';
}

/** Gradescope's autograder `results.json`. */
export interface GradescopeResults {
  score: number;
  max_score?: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  test_output_format: 'text';
  stdout_visibility: 'hidden' | 'visible';
  /** Stored with the submission for the instructor, not shown to students. */
  extra_data?: Record<string, unknown>;
  tests: GradescopeTest[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function testOutput(c: GradeResult['checks'][number]): string {
  if (c.hidden) return hiddenCheckText(c);
  const printed = visibleCheckConsole(c).trimEnd();
  return printed === '' ? messageWithHint(c) : `${messageWithHint(c)}\n\nyour code printed:\n${printed}`;
}

/** A picture's longer side in the output (the grader's charts are 480 wide). */
const PICTURE_SIDE = 480;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * A public check's pictures, inlined: Gradescope shows a test's `html` output but fetches no
 * file from the results folder, so each PNG travels as a data URI under the text (kept as
 * preformatted text). Undefined when the check has no picture that could be read.
 */
function htmlOutput(c: CheckResult, text: string): string | undefined {
  if (c.hidden) return undefined;
  const figures = (c.images ?? []).flatMap((img) => {
    const url = pngDataUri(img.path, PICTURE_SIDE);
    return url ? [`<figure><img src="${url}" alt="${escapeHtml(img.caption)}"><figcaption>${escapeHtml(img.caption)}</figcaption></figure>`] : [];
  });
  return figures.length > 0 ? `<pre>${escapeHtml(text)}</pre>\n${figures.join('\n')}` : undefined;
}

/**
 * The Gradescope autograder contract (`/autograder/results/results.json`, see
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/): one test per check, named
 * "<exercise> › <check>", tagged with its kind, its pictures inlined in an `html` output; a hidden check is shown to the student only once
 * grades are published (`after_published`), and then only whether it passed and its points
 * (never its message, which names the hidden case, nor what the code printed).
 * `execution_time` is the grades' total, in seconds; `extra_data` keeps seed, backend, environment
 * and submission time for the instructor.
 */
export function toGradescope(results: GradeResult[]): GradescopeResults {
  const tests: GradescopeTest[] = [];
  for (const r of results) {
    for (const c of r.checks) {
      const text = testOutput(c);
      const html = htmlOutput(c, text);
      tests.push({
        name: `${r.exercise} › ${c.name}`,
        score: c.score,
        max_score: c.maxScore,
        status: c.passed ? 'passed' : 'failed',
        output: html ?? text,
        output_format: html ? 'html' : 'text',
        tags: [c.kind, r.exercise, ...(c.hidden ? ['hidden'] : [])],
        visibility: c.hidden ? 'after_published' : 'visible',
      });
    }
  }
  // What was printed while loading and in the public checks (never in a hidden one) goes in `output`.
  const printed = results.filter((r) => visibleConsole(r).trim() !== '').map((r) => `${r.exercise}: your code printed:\n${visibleConsole(r).trimEnd()}`);
  const submittedAt = results.find((r) => r.submittedAt)?.submittedAt;
  return {
    score: round(results.reduce((a, r) => a + r.score, 0)),
    max_score: round(results.reduce((a, r) => a + r.maxScore, 0)),
    execution_time: round(results.reduce((a, r) => a + r.durationMs, 0) / 1000),
    output: printed.join('\n\n'),
    output_format: 'text',
    test_output_format: 'text',
    stdout_visibility: 'hidden',
    extra_data: {
      seed: results[0]?.seed,
      backends: [...new Set(results.map((r) => r.backend))],
      ...(submittedAt ? { submitted_at: submittedAt } : {}),
      environment: Object.fromEntries(results.map((r) => [r.exercise, r.environment ?? null])),
    },
    tests,
  };
}

/** What Gradescope gets when grading itself crashed: score 0 and the error, so the run still reports. */
export function gradescopeCrash(error: unknown, executionMs = 0): GradescopeResults {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    score: 0,
    execution_time: round(executionMs / 1000),
    output: `The autograder could not finish grading, so this submission scores 0 for now; your instructor has been shown this error:\n${message}`,
    output_format: 'text',
    test_output_format: 'text',
    stdout_visibility: 'hidden',
    tests: [],
  };
}

export function renderGradescope(results: GradeResult[]): string {
  return `${JSON.stringify(toGradescope(results), null, 2)}\n`;
}
