import crypto from 'node:crypto';
import type { CheckSpec } from './types.ts';

/** A short hash of a check's whole spec: a changed budget, tolerance or margin gives another. */
export function specHash(check: CheckSpec): string {
  return crypto.createHash('sha256').update(JSON.stringify(check)).digest('hex').slice(0, 12);
}
