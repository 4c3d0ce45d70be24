/**
 * A check's time limit in the CPU time its sandbox got, not in wall time alone. On a busy
 * machine (a class graded with many jobs, CI runners, a laptop doing other work) a correct
 * training that takes 30 s of CPU can take minutes of wall time; a wall-clock limit would fail
 * it for the grader's environment. So when the wall-clock limit passes, the check stops only if
 * the sandbox really used (almost) its limit in CPU time, or made no progress at all lately (a
 * blocking hang: Atomics.wait, a promise that never settles), or ran 5× its limit in wall time
 * (a backstop). On a quiet machine this is the wall-clock limit it always was: a busy loop uses
 * a core, so its CPU time reaches the limit with the wall time.
 *
 * CPU time is read from outside the sandbox (`/proc/<pid>/stat`), where the submission cannot
 * reach it; where /proc cannot be read the limit is wall time, as before.
 */
import fs from 'node:fs';
import { processTree } from './monitor.ts';

/** Linux reports utime and stime in USER_HZ ticks, 100 a second on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;
/** A check that used this share of its limit in CPU time when the wall clock passed it had the machine to itself. */
const CPU_SHARE_AT_LIMIT = 0.9;
/** Past its limit, a sandbox that gained less CPU than this over the last IDLE_WINDOW_S is hung, not slow. */
const IDLE_WINDOW_S = 3;
const IDLE_CPU_S = 0.03;
/** The wall-clock backstop, as a multiple of the limit. */
export const WALL_BACKSTOP = 5;
/** How often the clock is read again once the wall-clock limit has passed. */
export const POLL_MS = 500;

/** User + system CPU seconds of `pid` and its descendants, or undefined where /proc cannot be read. */
export function cpuSecondsOf(pid: number): number | undefined {
  let ticks = 0;
  let read = false;
  for (const p of processTree(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces and parentheses): state is field 3, utime 14, stime 15.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const [utime, stime] = [Number(f[11]), Number(f[12])];
      if (Number.isFinite(utime) && Number.isFinite(stime)) {
        ticks += utime + stime;
        read = true;
      }
    } catch {
      // Gone, or no /proc.
    }
  }
  return read ? ticks / TICKS_PER_SECOND : undefined;
}

/** Why a check was stopped: its message, after "timed out after <limit> s". */
export interface Stop {
  /** Empty on a quiet machine (the wall-clock limit as it always was), else what the clocks read. */
  detail: string;
}

/**
 * One request's clocks: `check()` is called when the wall-clock limit passes and every POLL_MS
 * after, and says whether to stop the request now. `cpu` reads the sandbox's CPU seconds (from
 * cpuSecondsOf), `now` the wall clock in seconds; both are parameters so that tests can drive them.
 */
export class CpuTimeLimit {
  private readonly wall0: number;
  private readonly cpu0: number | undefined;
  /** (wall, cpu) readings once past the limit, the last IDLE_WINDOW_S of them. */
  private readonly recent: [number, number][] = [];

  constructor(
    readonly limitS: number,
    private readonly cpu: () => number | undefined,
    private readonly now: () => number = () => performance.now() / 1000,
  ) {
    this.wall0 = now();
    this.cpu0 = cpu();
  }

  check(): Stop | undefined {
    const wall = this.now() - this.wall0;
    if (wall < this.limitS) return undefined;
    const c = this.cpu();
    // No CPU clock here: the limit is wall time.
    if (c === undefined || this.cpu0 === undefined) return { detail: '' };
    const used = Math.max(0, c - this.cpu0);
    const busy = (): string => ` (on a busy machine: it had ${used.toFixed(1)} s of CPU time in ${wall.toFixed(0)} s)`;
    if (used >= CPU_SHARE_AT_LIMIT * this.limitS) return { detail: wall <= 1.1 * this.limitS ? '' : busy() };
    this.recent.push([wall, used]);
    while (this.recent.length > 1 && wall - this.recent[1]![0] >= IDLE_WINDOW_S) this.recent.shift();
    const [w0, u0] = this.recent[0]!;
    if (wall - w0 >= IDLE_WINDOW_S && used - u0 < IDLE_CPU_S) return { detail: ` (it stopped using the CPU: waiting for something that never came)` };
    if (wall >= WALL_BACKSTOP * this.limitS) return { detail: busy() };
    return undefined;
  }
}

/**
 * Watches a process's time limit: calls `onStop` once when the limit is spent (CpuTimeLimit's
 * rule, the clocks read from the wall-clock limit on, every POLL_MS after). `clear()` stops the
 * watch (the request finished or the process died first).
 */
export function watchTimeLimit(limitS: number, pid: number | undefined, onStop: (stop: Stop) => void): { clear: () => void } {
  const clock = new CpuTimeLimit(limitS, () => (pid === undefined ? undefined : cpuSecondsOf(pid)));
  const expire = (): void => {
    const stop = clock.check();
    if (stop) onStop(stop);
    else timer = setTimeout(expire, POLL_MS);
  };
  let timer = setTimeout(expire, limitS * 1000);
  return { clear: () => clearTimeout(timer) };
}
