/**
 * What a grade tells whoever watches it while it runs: which check is running, and, for long
 * checks, how far the task around the student's code got (from the sandbox's progress reports,
 * which can only ever move this line, never a verdict).
 */
export type GradeProgress =
  | { kind: 'check-start'; exercise: string; check: string; index: number; count: number }
  | { kind: 'progress'; exercise: string; check: string; index: number; count: number; done: number; total: number; unit: string; note?: string }
  | { kind: 'check-end'; exercise: string; check: string; index: number; count: number; passed: boolean };

export type ProgressListener = (p: GradeProgress) => void;
