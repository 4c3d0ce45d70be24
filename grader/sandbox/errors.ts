import type { ErrorInfo } from './protocol.ts';

/** Turns anything thrown by an implementation into a message for the student. */
export function errorInfo(e: unknown, studentFile?: string): ErrorInfo {
  const err = e instanceof Error ? e : new Error(String(e));
  const notImplemented = err.name === 'NotImplemented';
  let where: string | undefined;
  if (studentFile && typeof err.stack === 'string') {
    const base = studentFile.split(/[\\/]/).pop()!;
    for (const line of err.stack.split('\n')) {
      const m = line.match(/\(?([^\s()]+):(\d+):(\d+)\)?\s*$/);
      if (m && m[1]!.endsWith(studentFile)) {
        where = `${base}:${m[2]}:${m[3]}`;
        break;
      }
    }
  }
  return { name: err.name, message: err.message.slice(0, 2000), where, notImplemented };
}
