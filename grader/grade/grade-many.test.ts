import { describe, expect, it } from 'vitest';
import { gradeMany } from './grade-many.ts';
import type { GradeProgress, ProgressListener } from './progress-events.ts';

/** A promise and the function that resolves it (a grade finishing when the test says). */
function gate<T = void>(): { promise: Promise<T>; open: (v: T) => void } {
  let open!: (v: T) => void;
  const promise = new Promise<T>((r) => (open = r));
  return { promise, open };
}
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const start = (exercise: string, check = 'c'): GradeProgress => ({ kind: 'check-start', exercise, check, index: 0, count: 1 });
const step = (exercise: string, done: number, check = 'c'): GradeProgress => ({ kind: 'progress', exercise, check, index: 0, count: 1, done, total: 10, unit: 'epoch' });

describe('gradeMany', () => {
  it('when later exercises finish first then results are still emitted in the order given, and at most `jobs` run at once', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const gates = new Map(ids.map((id) => [id, gate<string>()]));
    let running = 0;
    let most = 0;
    const emitted: string[] = [];
    const all = gradeMany(ids, 3, {
      grade: async (id) => {
        running++;
        most = Math.max(most, running);
        const r = await gates.get(id)!.promise;
        running--;
        return r;
      },
      emit: (r) => emitted.push(r),
    });
    await tick();
    expect(running).toBe(3);
    for (const id of ['c', 'b', 'd']) {
      gates.get(id)!.open(id.toUpperCase());
      await tick();
    }
    expect(emitted).toEqual([]);
    gates.get('a')!.open('A');
    await tick();
    expect(emitted).toEqual(['A', 'B', 'C', 'D']);
    gates.get('e')!.open('E');
    expect(await all).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(emitted).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(most).toBe(3);
  });

  it('when one job is asked for then the exercises run one after another', async () => {
    const order: string[] = [];
    await gradeMany(['a', 'b', 'c'], 1, {
      grade: async (id) => {
        order.push(`start ${id}`);
        await tick();
        order.push(`end ${id}`);
        return id;
      },
      emit: () => undefined,
    });
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('when a grade throws then everything before it is graded and emitted, nothing after it is started, and its error is rethrown', async () => {
    const started: string[] = [];
    const emitted: string[] = [];
    const b = gate<string>();
    const run = gradeMany(['a', 'b', 'c', 'd', 'e'], 2, {
      grade: async (id) => {
        started.push(id);
        if (id === 'c') throw new Error('course fault in c');
        if (id === 'b') return b.promise;
        return id;
      },
      emit: (r) => emitted.push(r),
    });
    await tick();
    b.open('b');
    await expect(run).rejects.toThrow('course fault in c');
    expect(emitted).toEqual(['a', 'b']);
    expect(started).not.toContain('e');
  });

  it('when exercises behind the first report progress then the line shows only the first, and replays the next one\'s last check and step when it takes over', async () => {
    const lines: { events: GradeProgress[]; stopped: boolean }[] = [];
    const a = gate<string>();
    const listeners = new Map<string, ProgressListener | undefined>();
    const run = gradeMany(['a', 'b'], 2, {
      grade: async (id, onProgress) => {
        listeners.set(id, onProgress);
        return id === 'a' ? a.promise : 'b';
      },
      emit: () => undefined,
      progressLine: () => {
        const l = { events: [] as GradeProgress[], stopped: false };
        lines.push(l);
        return Object.assign((p: GradeProgress) => void l.events.push(p), { stop: () => void (l.stopped = true) });
      },
    });
    await tick();
    listeners.get('a')!(start('a'));
    listeners.get('b')!(start('b', 'first'));
    listeners.get('b')!({ kind: 'check-end', exercise: 'b', check: 'first', index: 0, count: 2, passed: true });
    listeners.get('b')!(start('b', 'second'));
    listeners.get('b')!(step('b', 3, 'second'));
    listeners.get('b')!(step('b', 4, 'second'));
    expect(lines[0]!.events).toEqual([start('a')]);
    a.open('a');
    await run;
    expect(lines[0]!.stopped).toBe(true);
    expect(lines[1]!.events).toEqual([start('b', 'second'), step('b', 4, 'second')]);
  });
});
