/**
 * What the parent measures of a sandbox from outside it, where the submission cannot reach:
 * the peak resident memory of its process tree (`/proc/<pid>/status` VmHWM, Linux) and the
 * size of its scratch folder, polled while it runs. A scratch folder over its limit kills the
 * sandbox (RLIMIT_FSIZE in launch.ts already stops any single file at its own limit).
 */
import fs from 'node:fs';
import path from 'node:path';

export const SCRATCH_LIMIT_MB = 256;
const SCRATCH_MAX_ENTRIES = 10_000;
const POLL_MS = 250;

/** The pids of `pid` and all its descendants (Linux; just `pid` elsewhere). */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const todo = [pid];
  while (todo.length > 0 && out.length < 64) {
    const p = todo.pop()!;
    out.push(p);
    try {
      const kids = fs.readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      if (kids) todo.push(...kids.split(/\s+/).map(Number));
    } catch {
      // Gone, or no /proc: nothing more below it.
    }
  }
  return out;
}

/** The highest peak resident memory (VmHWM) in the tree, in MB; 0 when it cannot be read. */
export function peakRssMbOf(pid: number): number {
  let peak = 0;
  for (const p of processTree(pid)) {
    try {
      const m = fs.readFileSync(`/proc/${p}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      // ignore
    }
  }
  return peak;
}

/** Bytes under `dir` (not following links), or Infinity past the entry cap. */
export function folderBytes(dir: string): number {
  let total = 0;
  let entries = 0;
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = fs.readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      if (++entries > SCRATCH_MAX_ENTRIES) {
        total = Infinity;
        return;
      }
      const p = path.join(d, n);
      const st = fs.lstatSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p);
      else total += st.size;
      if (total === Infinity) return;
    }
  };
  walk(dir);
  return total;
}

export interface Monitor {
  /** The highest peak memory seen so far, in MB. */
  peakRssMb(): number;
  stop(): void;
}

/** Polls the process tree and the scratch folder; `onScratchFull` is called once when it is over. */
export function monitorSandbox(pid: number, scratch: string | undefined, onScratchFull: (why: string) => void): Monitor {
  let peak = 0;
  let full = false;
  const poll = (): void => {
    peak = Math.max(peak, peakRssMbOf(pid));
    if (scratch && !full) {
      const bytes = folderBytes(scratch);
      if (bytes > SCRATCH_LIMIT_MB * 1024 * 1024) {
        full = true;
        onScratchFull(bytes === Infinity ? `created more than ${SCRATCH_MAX_ENTRIES} files in its scratch folder` : `wrote more than ${SCRATCH_LIMIT_MB} MB to its scratch folder`);
      }
    }
  };
  const timer = setInterval(poll, POLL_MS);
  timer.unref();
  return {
    peakRssMb: () => {
      poll();
      return peak;
    },
    stop: () => clearInterval(timer),
  };
}
