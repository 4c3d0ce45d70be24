/**
 * The progress line of `grade <id>`: which check runs and how far a long one got, on stderr so
 * that stdout keeps only the result (`--format json` stays clean even when both are piped).
 * - On a terminal: one line redrawn in place (at most ~8 times a second, and every second so the
 *   elapsed time moves), cleared when the check ends so the verdict prints on a clean line.
 * - Piped or in CI: nothing for checks that end within a few seconds; a long one gets a line when
 *   it has run for 5 s and then at most one every 5 s.
 */
import type { GradeProgress, ProgressListener } from '../grade/progress-events.ts';
import { stripControls } from '../text/clean.ts';

export interface ProgressSink {
  write(text: string): void;
  /** A terminal (redraw in place) or not (plain lines). */
  tty: boolean;
  /** Terminal width, for cutting the line. */
  columns?: number;
}

const PIPED_EVERY_MS = 5_000;
const TTY_EVERY_MS = 120;

const seconds = (ms: number): string => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/** The words of the line: "cnn · trains a CNN (3/3) · epoch 3/8 · loss 0.21 · 14 s, about 25 s left". */
export function describeProgress(p: GradeProgress, elapsedMs: number, unitsSinceMs?: { at: number; done: number }): string {
  const parts = [`${p.exercise} · ${stripControls(p.check)} (${p.index + 1}/${p.count})`];
  let eta = '';
  if (p.kind === 'progress') {
    parts.push(`${p.unit} ${Math.min(p.done, p.total)}/${p.total}`);
    if (p.note) parts.push(stripControls(p.note));
    if (unitsSinceMs && p.done > unitsSinceMs.done && p.total > p.done) {
      const perUnit = (elapsedMs - unitsSinceMs.at) / (p.done - unitsSinceMs.done);
      eta = `, about ${seconds(perUnit * (p.total - p.done))} left`;
    }
  }
  parts.push(`${seconds(elapsedMs)}${eta}`);
  return parts.join(' · ');
}

export function progressLine(sink: ProgressSink, now: () => number = () => performance.now()): ProgressListener & { stop(): void } {
  let current: GradeProgress | undefined;
  let startedAt = 0;
  let firstUnit: { at: number; done: number } | undefined;
  let lastDrawn = -Infinity;
  let drawn = false;
  let timer: NodeJS.Timeout | undefined;

  const text = (): string => (current ? describeProgress(current, now() - startedAt, firstUnit) : '');
  const clear = (): void => {
    if (sink.tty && drawn) sink.write('\r\u001b[2K');
    drawn = false;
  };
  const draw = (force = false): void => {
    if (!current) return;
    const t = now();
    if (sink.tty) {
      if (!force && t - lastDrawn < TTY_EVERY_MS) return;
      const line = text();
      const width = Math.max(20, (sink.columns ?? 100) - 1);
      sink.write(`\r\u001b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      drawn = true;
    } else {
      if (t - startedAt < PIPED_EVERY_MS || t - lastDrawn < PIPED_EVERY_MS) return;
      sink.write(`  … ${text()}\n`);
    }
    lastDrawn = t;
  };
  const stopTimer = (): void => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  const listener = (p: GradeProgress): void => {
    if (p.kind === 'check-start') {
      current = p;
      startedAt = now();
      firstUnit = undefined;
      lastDrawn = sink.tty ? -Infinity : startedAt;
      stopTimer();
      // Every second: on a terminal the elapsed time moves; piped, draw() keeps its own 5 s cadence.
      timer = setInterval(() => draw(sink.tty), 1_000);
      timer.unref();
      if (sink.tty) draw(true);
      return;
    }
    if (p.kind === 'check-end') {
      stopTimer();
      clear();
      current = undefined;
      return;
    }
    if (!current || p.check !== current.check) return;
    // A new kind of unit (the reference's training after the student's) starts its own ETA.
    if (!firstUnit || (current.kind === 'progress' && current.unit !== p.unit)) firstUnit = { at: now() - startedAt, done: p.done };
    current = p;
    draw();
  };
  return Object.assign(listener, {
    stop: () => {
      stopTimer();
      clear();
    },
  });
}
