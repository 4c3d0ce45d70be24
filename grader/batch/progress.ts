import cliProgress from 'cli-progress';
import type { GradeResult } from '../results/types.ts';
import { oneLine } from '../text/clean.ts';

/** What a batch tells the person or CI log watching it. */
export interface Progress {
  start(total: number, skipped: number, retried?: number): void;
  graded(student: string, r: GradeResult, done: number, total: number): void;
  stop(): void;
}

const pts = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2));


/** One line per grade: for CI logs and pipes (no cursor movement, no colour). */
export function lineProgress(out: (line: string) => void): Progress {
  return {
    start: (total, skipped, retried = 0) =>
      out(
        `grading ${total} submission-exercise pairs${skipped > 0 ? ` (${skipped} already graded, skipped; --force regrades them)` : ''}` +
          `${retried > 0 ? `; retrying ${retried} that the grader could not finish last time` : ''}`,
      ),
    graded: (student, r, done, total) =>
      out(`[${done}/${total}] ${oneLine(student, 80)} ${r.exercise}: ${pts(r.score)}/${pts(r.maxScore)}${r.passed ? ' passed' : ''} (${(r.durationMs / 1000).toFixed(1)} s)${r.graderError ? ' — grader error, retried on the next run' : ''}`),
    stop: () => undefined,
  };
}

/** A progress bar with counts and an ETA, for a terminal. */
export function barProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const bar = new cliProgress.SingleBar(
    { stream, format: 'grading [{bar}] {value}/{total} | ETA {eta_formatted} | {last}', hideCursor: true, clearOnComplete: false, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total, skipped) => bar.start(total, 0, { last: skipped > 0 ? `${skipped} already graded` : '' }),
    graded: (student, r, done) => bar.update(done, { last: `${oneLine(student, 40)} ${r.exercise} ${pts(r.score)}/${pts(r.maxScore)}` }),
    stop: () => bar.stop(),
  };
}

/** The bar on a terminal, quiet lines in CI (`CI` set) or when output is piped. */
export function defaultProgress(out: (line: string) => void): Progress {
  const ci = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
  return process.stderr.isTTY && !ci ? barProgress() : lineProgress(out);
}
