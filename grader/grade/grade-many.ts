/**
 * `grade <id>... ` (and `grade all`) for one submission, on several cores: up to `jobs`
 * exercises are graded at once, each in its own sandbox process as always, and the results are
 * handed out in the order the ids were given, each as soon as it and every one before it are done
 * — so what is printed is the same, in the same order, as grading one after another.
 *
 * The progress line is one line: it follows the first exercise not yet handed out. Events of the
 * exercises running behind it are kept (the last check start and the last progress report each)
 * and replayed when it becomes the first, so the line never shows a stale check.
 */
import pLimit from 'p-limit';
import type { GradeProgress, ProgressListener } from './progress-events.ts';

export interface GradeManyHooks<T> {
  /** Grades one exercise; `onProgress` is the listener to report to (absent: none wanted). */
  grade: (id: string, onProgress: ProgressListener | undefined) => Promise<T>;
  /** Called once per id, in the order of `ids`. */
  emit: (result: T, id: string, index: number) => void;
  /** A fresh progress line for the exercise now first in line (absent: no progress shown). */
  progressLine?: () => ProgressListener & { stop(): void };
}

/**
 * Grades `ids` with at most `jobs` at once and emits the results in order. When a grade throws,
 * no grade after it in the order is started, those running are awaited (their sandboxes closed),
 * every result before it is emitted and the error is rethrown: what the one-by-one loop did.
 */
export async function gradeMany<T>(ids: string[], jobs: number, hooks: GradeManyHooks<T>): Promise<T[]> {
  const limit = pLimit(Math.max(1, Math.min(jobs, ids.length)));
  const settled: ({ ok: true; value: T } | { ok: false; error: unknown } | undefined)[] = ids.map(() => undefined);
  /** What each exercise reported while it was not first in line: its last check start and its last progress. */
  const backlog: GradeProgress[][] = ids.map(() => []);
  let head = 0;
  let line: (ProgressListener & { stop(): void }) | undefined;
  /** The first exercise (in order) whose grade threw: nothing after it is started, as the one-by-one loop stopped there. */
  let failedAt = Infinity;
  const results: T[] = [];

  const startLine = (): void => {
    line = hooks.progressLine?.();
    for (const p of backlog[head] ?? []) line?.(p);
  };
  const listenerFor = (index: number): ProgressListener | undefined => {
    if (!hooks.progressLine) return undefined;
    return (p) => {
      if (index === head) return line?.(p);
      // Behind the head: remember only what is needed to redraw it later.
      const kept = backlog[index]!;
      if (p.kind === 'check-start') kept.splice(0, kept.length, p);
      else if (p.kind === 'check-end') kept.splice(0, kept.length);
      else if (kept.length > 0) kept.splice(1, kept.length - 1, p);
    };
  };
  // Hand out every finished result at the head of the order; stop at the first error.
  const drain = (): void => {
    while (head < ids.length && settled[head]?.ok === true) {
      line?.stop();
      line = undefined;
      const r = (settled[head] as { value: T }).value;
      results.push(r);
      hooks.emit(r, ids[head]!, head);
      head++;
      if (head < ids.length && head < failedAt) startLine();
    }
  };

  startLine();
  const runs = ids.map((id, index) =>
    limit(async () => {
      if (index > failedAt) return;
      try {
        settled[index] = { ok: true, value: await hooks.grade(id, listenerFor(index)) };
      } catch (error) {
        settled[index] = { ok: false, error };
        failedAt = Math.min(failedAt, index);
      }
      drain();
    }),
  );
  await Promise.all(runs);
  line?.stop();
  const firstError = settled.find((s) => s?.ok === false);
  if (firstError) throw (firstError as { error: unknown }).error;
  return results;
}
