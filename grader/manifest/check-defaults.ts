import type { CheckSpec } from './types.ts';

/**
 * The task that runs in the sandbox for a check, with the defaults the check runners apply:
 * `gradient` for gradient checks, `call` for the others; accuracy checks name theirs (undefined
 * when one does not, which the course resolver reports).
 */
export function taskOf(check: CheckSpec): string | undefined {
  if (check.task !== undefined) return check.task;
  if (check.kind === 'gradient') return 'gradient';
  return check.kind === 'accuracy' ? undefined : 'call';
}

/** The case recipe a check draws its inputs from: `cases`, else a recipe named like its task. */
export function recipeOf(check: CheckSpec): string {
  return check.cases ?? check.task ?? '';
}
