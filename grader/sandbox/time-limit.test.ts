import { describe, expect, it } from 'vitest';
import { cpuSecondsOf, CpuTimeLimit, POLL_MS, WALL_BACKSTOP } from './time-limit.ts';

/** A request's clocks, driven by hand: `share` is the CPU the sandbox gets per wall second. */
function clocks(share: (wall: number) => number) {
  let wall = 0;
  let cpu = 0;
  const limit = new CpuTimeLimit(10, () => cpu, () => wall);
  /** Advances to `until` seconds in POLL_MS steps from the limit on, as the worker calls check(); the first stop. */
  const runUntil = (until: number) => {
    const step = POLL_MS / 1000;
    for (let t = 0; t <= until + 1e-9; t += step) {
      cpu += share(wall) * (t - wall);
      wall = t;
      const stop = wall >= 10 ? limit.check() : undefined;
      if (stop) return { at: wall, cpu, detail: stop.detail };
    }
    return undefined;
  };
  return { runUntil };
}

describe('a check limit in CPU time', () => {
  it('on a quiet machine a busy loop stops at the wall-clock limit with the plain message', () => {
    expect(clocks(() => 1).runUntil(60)).toEqual({ at: 10, cpu: 10, detail: '' });
    // V8's background threads make CPU time run faster than the wall clock: still at the limit.
    expect(clocks(() => 1.3).runUntil(60)?.at).toBe(10);
  });

  it('on a machine giving the sandbox a quarter of a core, a training runs on until it used its limit in CPU time', () => {
    const stop = clocks(() => 0.25).runUntil(60);
    expect(stop?.at).toBeCloseTo(36, 5); // 0.9 × 10 s of CPU at 0.25 CPU-s a second
    expect(stop?.detail).toMatch(/^ \(on a busy machine: it had 9\.0 s of CPU time in 36 s\)$/);
  });

  it('a correct training that needs 8 s of CPU finishes on that busy machine (no stop before 32 s)', () => {
    expect(clocks(() => 0.25).runUntil(32)).toBeUndefined();
  });

  it('a blocking hang (no CPU at all) stops 3 s after the limit, saying it stopped using the CPU', () => {
    const stop = clocks((w) => (w < 2 ? 1 : 0)).runUntil(60);
    expect(stop?.at).toBe(13);
    expect(stop?.detail).toMatch(/stopped using the CPU/);
  });

  it('a sandbox that starves for a while past the limit and then gets CPU again is not taken for hung', () => {
    // 0.1 CPU-s a second (3 s → 0.3 CPU-s, ten times the idle threshold).
    expect(clocks(() => 0.1).runUntil(40)).toBeUndefined();
  });

  it('a sandbox that barely moves stops at the wall-clock backstop', () => {
    const stop = clocks(() => 0.02).runUntil(100);
    expect(stop?.at).toBe(WALL_BACKSTOP * 10);
    expect(stop?.detail).toMatch(/on a busy machine: it had 1\.0 s of CPU time in 50 s/);
  });

  it('with no CPU clock (no /proc) the limit is the wall clock', () => {
    let wall = 0;
    const limit = new CpuTimeLimit(10, () => undefined, () => wall);
    wall = 9.9;
    expect(limit.check()).toBeUndefined();
    wall = 10;
    expect(limit.check()).toEqual({ detail: '' });
  });

  it.runIf(process.platform === 'linux')('reads the CPU time of a real process from /proc, and nothing for a pid that does not exist', () => {
    const mine = cpuSecondsOf(process.pid)!;
    const t0 = performance.now();
    while (performance.now() - t0 < 200) Math.sqrt(Math.random());
    expect(cpuSecondsOf(process.pid)! - mine).toBeGreaterThan(0.05);
    expect(cpuSecondsOf(2 ** 22 + 12345)).toBeUndefined();
  });
});
