/** The submission could not be turned into code: a student-facing message, with file:line when known. */
export class SubmissionError extends Error {
  constructor(
    message: string,
    readonly where?: string,
    /** A compile error (shown as "your file does not compile: …"), not a problem with the folder. */
    readonly compile = false,
  ) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'SubmissionError';
  }
}

/** Bundling failed for the grader's own reasons (no bundler, no process could start): retry later. */
export class BundlerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundlerUnavailable';
  }
}
