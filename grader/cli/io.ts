import type { ProgressSink } from '../render/progress-line.ts';

/** Exit codes: every check passed; some check failed; the command was used wrongly. */
export const EXIT = { passed: 0, failed: 1, usage: 2, internal: 3 } as const;

/** Where a command writes; tests pass their own. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Colour the console output (only when `out` is a terminal). */
  color?: boolean;
  /** Where the progress line of long checks goes (stderr); absent: none. */
  progress?: ProgressSink;
}

// Colour only on a terminal (picocolors alone would also colour CI logs and pipes), and never with NO_COLOR.
export const defaultIo: Io = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  color: (process.stdout.isTTY === true && !('NO_COLOR' in process.env)) || 'FORCE_COLOR' in process.env,
  progress: {
    write: (t) => void process.stderr.write(t),
    // A CI log is not a terminal even when it claims to be: plain lines there.
    tty: process.stderr.isTTY === true && !(process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false'),
    get columns() {
      return process.stderr.columns;
    },
  },
};

/** The command was used wrongly (exit 2): the message says how to use it. */
export class UsageError extends Error {}
