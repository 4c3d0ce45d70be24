/**
 * The submission is data until it is inside the sandbox. Before anything reads it as code,
 * the regular files of the student's own exercise folder are copied into a fresh staging
 * folder: symbolic links are never followed (not even for the exercise file itself), devices,
 * FIFOs and sockets are never opened, and every file and the whole folder have a size cap.
 * The bundler then sees only that copy (see confine-plugin.ts), so no import, glob, tsconfig
 * or import attribute can reach anything else on the machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SubmissionError } from './errors.ts';

/** Extensions the bundler may read as code (or JSON data). Anything else stays behind. */
export const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
/** Configuration a student might ship to steer the bundler: never copied. */
const IGNORED_NAMES = new Set(['tsconfig.json', 'jsconfig.json', 'package.json', 'node_modules', '.git']);

export const LIMITS = {
  /** One file (the exercise file included). */
  fileBytes: 1024 * 1024,
  /** All copied files together. */
  totalBytes: 4 * 1024 * 1024,
  files: 200,
  /** Files and folders looked at, copied or not. */
  entries: 2000,
  depth: 6,
};

/**
 * esbuild follows a `//# sourceMappingURL=<path>` comment of an input file to read its source
 * map from anywhere, without asking the plugin (it would put the map's file names in the
 * bundle): the comment is defused in the copy. Line and column numbers are unchanged.
 */
const SOURCE_MAP_COMMENT = /([#@])(\s*)sourceMappingURL(\s*)=/g;

function defuseSourceMaps(name: string, bytes: Buffer): Buffer {
  if (path.extname(name).toLowerCase() === '.json') return bytes;
  const text = bytes.toString('latin1');
  if (!/sourceMappingURL/.test(text)) return bytes;
  return Buffer.from(text.replace(SOURCE_MAP_COMMENT, '$1$2sourceMappingOFF$3='), 'latin1');
}

export interface Staged {
  /** The staging folder: `<root>/<id>/…`, holding only copies. */
  root: string;
  /** The copied exercise file: `<root>/<id>/<id>.ts`. */
  entry: string;
  /** Files left behind, for the student's information (symlinks, non-code files, …). */
  skipped: string[];
  remove(): void;
}

/** Reads a regular file without following a symlink and without blocking on a FIFO; a string says why not. */
export function readRegular(file: string, cap: number): Buffer | string {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ELOOP' ? 'is a symbolic link' : 'cannot be read';
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return 'is not a regular file';
    // A hard link is a second name for a file that may live anywhere on the disk (the answer key).
    if (st.nlink > 1) return 'is a hard link to another file: hand in a copy of your own';
    if (st.size > cap) return `is ${st.size} bytes (the limit is ${cap})`;
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = fs.readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    fs.closeSync(fd);
  }
}

function kindOf(st: fs.Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Copies `<submissionRoot>/<id>/` into a fresh folder. Throws SubmissionError (a message for
 * the student) when the exercise file itself is missing, not a regular file, or too large.
 */
export function stageSubmission(submissionRoot: string, id: string): Staged {
  const exerciseDir = path.join(submissionRoot, id);
  const fileName = `${id}.ts`;
  let dirStat: fs.Stats;
  try {
    dirStat = fs.lstatSync(exerciseDir);
  } catch {
    throw new SubmissionError(`file not found: ${id}/${fileName} (expected the exercise's .ts file there)`);
  }
  if (dirStat.isSymbolicLink()) throw new SubmissionError(`the folder ${id}/ is a symbolic link: hand in the folder itself, with your own files in it`);
  if (!dirStat.isDirectory()) throw new SubmissionError(`${id} is not a folder (expected ${id}/${fileName})`);
  let entryStat: fs.Stats;
  try {
    entryStat = fs.lstatSync(path.join(exerciseDir, fileName));
  } catch {
    throw new SubmissionError(`file not found: ${id}/${fileName} (expected the exercise's .ts file there)`);
  }
  if (!entryStat.isFile()) throw new SubmissionError(`${id}/${fileName} is ${kindOf(entryStat)}: hand in the file itself`);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'grader-stage-'));
  const skipped: string[] = [];
  let total = 0;
  let count = 0;
  let entries = 0;
  const remove = (): void => fs.rmSync(root, { recursive: true, force: true });
  try {
    const copyDir = (from: string, to: string, rel: string, depth: number): void => {
      fs.mkdirSync(to, { recursive: true });
      let names: string[];
      try {
        names = fs.readdirSync(from).sort();
      } catch {
        skipped.push(`${rel || '.'}/ (cannot be read)`);
        return;
      }
      for (const name of names) {
        const relName = rel ? `${rel}/${name}` : name;
        if (++entries > LIMITS.entries) throw new SubmissionError(`your exercise folder holds more than ${LIMITS.entries} files and folders`);
        if (IGNORED_NAMES.has(name)) {
          skipped.push(`${relName} (the grader uses its own configuration)`);
          continue;
        }
        const src = path.join(from, name);
        const st = fs.lstatSync(src, { throwIfNoEntry: false });
        if (!st) continue;
        if (st.isDirectory()) {
          if (depth >= LIMITS.depth) skipped.push(`${relName}/ (nested too deep)`);
          else copyDir(src, path.join(to, name), relName, depth + 1);
          continue;
        }
        const isEntry = rel === '' && name === fileName;
        if (!st.isFile()) {
          skipped.push(`${relName} (${kindOf(st)})`);
          continue;
        }
        if (!CODE_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
          skipped.push(`${relName} (not a code file)`);
          continue;
        }
        if (++count > LIMITS.files) throw new SubmissionError(`your exercise folder has more than ${LIMITS.files} code files`);
        const bytes = readRegular(src, LIMITS.fileBytes);
        if (typeof bytes === 'string') {
          if (isEntry) throw new SubmissionError(`${id}/${fileName} ${bytes}`);
          skipped.push(`${relName} (${bytes})`);
          continue;
        }
        total += bytes.length;
        if (total > LIMITS.totalBytes) throw new SubmissionError(`your exercise folder holds more than ${LIMITS.totalBytes} bytes of code`);
        fs.writeFileSync(path.join(to, name), defuseSourceMaps(name, bytes), { flag: 'wx' });
      }
    };
    copyDir(exerciseDir, path.join(root, id), '', 0);
    const entry = path.join(root, id, fileName);
    if (!fs.existsSync(entry)) throw new SubmissionError(`${id}/${fileName} could not be copied`);
    return { root, entry, skipped, remove };
  } catch (e) {
    remove();
    throw e;
  }
}
