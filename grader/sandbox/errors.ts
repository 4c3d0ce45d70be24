import { SourceMap } from 'node:module';
import path from 'node:path';
import type { ErrorInfo } from './protocol.ts';

/** The student's bundle: its file name and source map, to turn bundle positions into theirs. */
export interface StudentSource {
  file: string;
  map?: SourceMap;
}

/** Reads the inline source map esbuild appends to the bundle. */
export function studentSource(file: string, code: string): StudentSource {
  const m = code.match(/\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/);
  if (!m) return { file };
  try {
    return { file, map: new SourceMap(JSON.parse(Buffer.from(m[1]!, 'base64').toString('utf8'))) };
  } catch {
    return { file };
  }
}

/** "sgd.ts:3:9" for a position in the bundle, mapped back to the student's own file when possible. */
function original(src: StudentSource, line: number, column: number): string {
  const entry = src.map?.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
  if (entry && entry.originalSource !== undefined && entry.originalLine !== undefined) {
    return `${path.basename(entry.originalSource)}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
  }
  return `${path.basename(src.file)}:${line}:${column}`;
}

/** How a failed allocation reads: a typed array, the wasm heap growing, V8 itself. */
const OUT_OF_MEMORY = /Array buffer allocation failed|Out of memory|Cannot allocate Wasm memory|WebAssembly\.Memory\(\)|memory access out of bounds|Cannot enlarge memory/i;

/** Reads a property of something the implementation threw, whatever getters or proxies it has. */
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function safeString(v: unknown, max: number): string {
  return safely(() => (typeof v === 'string' ? v : String(v)).slice(0, max), '(unprintable)');
}

/** The file:line:column at the end of one stack line ("    at f (/x/my file.ts:3:9)" or "    at /x/f.ts:3:9"). */
export function locationOf(line: string): { file: string; line: number; column: number } | undefined {
  if (line.length > 2000) return undefined;
  const trimmed = line.trimEnd().replace(/\)$/, '');
  const c2 = trimmed.lastIndexOf(':');
  const c1 = c2 > 0 ? trimmed.lastIndexOf(':', c2 - 1) : -1;
  if (c1 <= 0) return undefined;
  const lineNo = Number(trimmed.slice(c1 + 1, c2));
  const column = Number(trimmed.slice(c2 + 1));
  if (!Number.isInteger(lineNo) || !Number.isInteger(column)) return undefined;
  let file = trimmed.slice(0, c1);
  const open = file.lastIndexOf(' (');
  file = open >= 0 ? file.slice(open + 2) : file.replace(/^\s*at\s+/, '');
  return { file, line: lineNo, column };
}

/** Turns anything thrown by an implementation into a message for the student. */
export function errorInfo(e: unknown, src?: StudentSource): ErrorInfo {
  const isError = safely(() => e instanceof Error, false);
  const name = isError ? safeString(safely(() => (e as Error).name, 'Error'), 200) : 'Error';
  const message = isError ? safeString(safely(() => (e as Error).message, ''), 2000) : safeString(e, 2000);
  const notImplemented = name === 'NotImplemented';
  let where: string | undefined;
  const stack = isError ? safely(() => (e as Error).stack, undefined) : undefined;
  if (src && typeof stack === 'string') {
    // The first frames only, each line looked at once: a long first line must not cost quadratic time.
    for (const line of stack.slice(0, 20_000).split('\n', 50)) {
      const loc = locationOf(line);
      if (loc && loc.file === src.file) {
        where = original(src, loc.line, loc.column);
        break;
      }
    }
  }
  const info: ErrorInfo = { name, message, where, notImplemented };
  if (OUT_OF_MEMORY.test(message)) info.outOfMemory = true;
  return info;
}
