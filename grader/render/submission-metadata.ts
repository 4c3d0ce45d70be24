import fs from 'node:fs';

/** Where Gradescope puts the submission's metadata (https://gradescope-autograders.readthedocs.io/en/latest/submission_metadata/). */
export const GRADESCOPE_METADATA = '/autograder/submission_metadata.json';

/**
 * The submission time (`created_at`, ISO 8601) from a Gradescope `submission_metadata.json`, or
 * undefined when the file is absent or does not say. Never throws: grading goes on without it.
 */
export function submissionTime(file: string): string | undefined {
  try {
    const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as { created_at?: unknown };
    if (typeof meta.created_at !== 'string') return undefined;
    const t = new Date(meta.created_at);
    return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
  } catch {
    return undefined;
  }
}
