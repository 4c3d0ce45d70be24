/**
 * Turns a submission into code the sandbox can load, treating it as data until then:
 *   1. stage.ts copies the regular files of the student's exercise folder into a fresh folder;
 *   2. a bundler process of its own (bundle-child.ts: esbuild, resolution confined to that copy)
 *      runs under a time limit and a memory cap, in its own process group;
 *   3. its one line of output is read back (capped) and the staging copy removed.
 * A file that crashes, hangs or exhausts the bundler fails that submission only.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { bundlerRuntime } from '../sandbox/runtime.ts';
import { cleanText } from '../text/clean.ts';
import type { BundlerReply } from './bundle-child.ts';
import { BundlerUnavailable, SubmissionError } from './errors.ts';
import { stageSubmission } from './stage.ts';
import { watchTimeLimit } from '../sandbox/time-limit.ts';

export { SubmissionError, BundlerUnavailable } from './errors.ts';

export interface Bundle {
  /** The student's exercise file, as named to the student (`<id>/<id>.ts`). */
  file: string;
  /** CommonJS code with the student's relative imports inlined and an inline source map. */
  code: string;
  /** Files of the exercise folder that were not used (symlinks, non-code files, …). */
  skipped: string[];
}

export const BUNDLE_LIMITS = { seconds: 30, memoryMb: 1024, outputBytes: 64 * 1024 * 1024 };

interface Run {
  stdout: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  tooLarge: boolean;
}

function runBundler(script: string, root: string, entry: string, seconds: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    // ulimit -d caps every private writable mapping of node and of esbuild's Go binary alike.
    const args = ['-c', 'ulimit -d "$0" && exec "$@"', String(BUNDLE_LIMITS.memoryMb * 1024), process.execPath, '--max-old-space-size=512', script, root, entry];
    const child = spawn('/bin/sh', args, { stdio: ['ignore', 'pipe', 'ignore'], detached: true, cwd: root, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root, LANG: 'C.UTF-8' } });
    const chunks: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    let tooLarge = false;
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    // The limit counts CPU time, as a check's does (a busy machine must not fail a small file).
    const limit = watchTimeLimit(seconds, child.pid, () => {
      timedOut = true;
      killGroup();
    });
    child.stdout!.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BUNDLE_LIMITS.outputBytes) {
        tooLarge = true;
        killGroup();
      } else chunks.push(c);
    });
    child.on('error', (e) => {
      limit.clear();
      reject(new BundlerUnavailable(`the bundler could not start: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      limit.clear();
      // Whatever esbuild left running in the group goes with it.
      killGroup();
      resolve({ stdout: Buffer.concat(chunks).toString('utf8'), code, signal, timedOut, tooLarge });
    });
  });
}

function parseReply(text: string): BundlerReply | undefined {
  try {
    const r = JSON.parse(text) as BundlerReply;
    if (r && r.ok === true && typeof r.code === 'string') return r;
    if (r && r.ok === false && Array.isArray(r.errors)) return r;
  } catch {
    // fall through
  }
  return undefined;
}

/**
 * Bundles `<submissionRoot>/<id>/<id>.ts`. Throws SubmissionError (the student's problem, with
 * file:line) or BundlerUnavailable (the grader's: the grade is to be retried).
 */
export async function bundleSubmission(submissionRoot: string, id: string, timeoutSeconds = BUNDLE_LIMITS.seconds): Promise<Bundle> {
  const staged = stageSubmission(submissionRoot, id);
  try {
    let script: string;
    try {
      script = await bundlerRuntime();
    } catch (e) {
      throw new BundlerUnavailable(`the bundler could not be prepared: ${(e as Error).message}`);
    }
    const seconds = Math.max(1, Math.min(BUNDLE_LIMITS.seconds, timeoutSeconds));
    const run = await runBundler(script, staged.root, staged.entry, seconds);
    if (run.timedOut) throw new SubmissionError(`compiling it took longer than ${seconds} s`, undefined, true);
    if (run.tooLarge) throw new SubmissionError(`compiling it produced more than ${BUNDLE_LIMITS.outputBytes / 1024 / 1024} MB of code`, undefined, true);
    const reply = parseReply(run.stdout.trim());
    if (!reply) {
      const how = run.signal ? `was killed by ${run.signal}` : `exited with code ${run.code}`;
      throw new SubmissionError(`the compiler stopped on it (it ${how}; a file that is very deeply nested or very large can do this)`, undefined, true);
    }
    if (!reply.ok) {
      const first = reply.errors[0];
      const more = reply.errors.length > 1 ? ` (and ${reply.errors.length - 1} more error${reply.errors.length > 2 ? 's' : ''})` : '';
      const where = first?.file && first.line !== undefined ? `${path.basename(first.file)}:${first.line}:${(first.column ?? 0) + 1}` : undefined;
      throw new SubmissionError(cleanText(`${first?.text ?? 'could not be compiled'}${more}`, 1000), where && cleanText(where, 200), true);
    }
    return { file: `${id}/${id}.ts`, code: reply.code, skipped: staged.skipped };
  } finally {
    staged.remove();
  }
}
