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

/** Turns anything thrown by an implementation into a message for the student. */
export function errorInfo(e: unknown, src?: StudentSource): ErrorInfo {
  const err = e instanceof Error ? e : new Error(String(e));
  const notImplemented = err.name === 'NotImplemented';
  let where: string | undefined;
  if (src && typeof err.stack === 'string') {
    for (const line of err.stack.split('\n')) {
      const m = line.match(/\(?([^\s()]+):(\d+):(\d+)\)?\s*$/);
      if (m && m[1] === src.file) {
        where = original(src, Number(m[2]), Number(m[3]));
        break;
      }
    }
  }
  const info: ErrorInfo = { name: err.name, message: err.message.slice(0, 2000), where, notImplemented };
  if (OUT_OF_MEMORY.test(err.message)) info.outOfMemory = true;
  return info;
}
