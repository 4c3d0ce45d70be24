import fs from 'node:fs';
import path from 'node:path';
import { build, type Message } from 'esbuild';

export interface Bundle {
  file: string;
  /** CommonJS code with the student's relative imports inlined and an inline source map. */
  code: string;
}

/** The submission could not be turned into code: a student-facing message with file:line. */
export class SubmissionError extends Error {
  constructor(message: string, readonly where?: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'SubmissionError';
  }
}

function whereOf(m: Message): string | undefined {
  return m.location ? `${path.basename(m.location.file)}:${m.location.line}:${m.location.column + 1}` : undefined;
}

/**
 * Transpiles and bundles the student's TypeScript in the trusted parent. Bare imports stay
 * external: the sandbox decides which of them the submission may have.
 */
export async function bundleSubmission(file: string): Promise<Bundle> {
  if (!fs.existsSync(file)) throw new SubmissionError(`file not found: ${file} (expected the exercise's .ts file there)`);
  try {
    const out = await build({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      absWorkingDir: path.dirname(file),
    });
    return { file, code: out.outputFiles[0]!.text };
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (errors && errors.length > 0) {
      const first = errors[0]!;
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
      throw new SubmissionError(`${first.text}${more}`, whereOf(first));
    }
    throw new SubmissionError(`could not be compiled: ${(e as Error).message}`);
  }
}
