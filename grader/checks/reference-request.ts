import { taskOf } from '../manifest/check-defaults.ts';
import type { CheckSpec } from '../manifest/types.ts';

/**
 * What reference result a check needs, decided from its spec alone: the check runners ask
 * for exactly this, and `grade pack` packs exactly this, so the two cannot drift apart.
 * - `outcomes`: the reference's (and with `withVariants`, each variant's) outcomes of `task`
 *   (api checks too: their points need a function that computes something like the result);
 * - `score`: only the reference's score (accuracy checks);
 * - `none`: nothing (judges that decide without the reference).
 */
export type ReferenceRequest = { kind: 'outcomes'; check: CheckSpec; withVariants: boolean } | { kind: 'score'; check: CheckSpec } | { kind: 'none' };

export function referenceRequest(check: CheckSpec): ReferenceRequest {
  switch (check.kind) {
    case 'output':
      return { kind: 'outcomes', check: { ...check, task: taskOf(check) }, withVariants: true };
    case 'gradient':
      return { kind: 'outcomes', check: { ...check, task: taskOf(check) }, withVariants: true };
    case 'accuracy':
      return { kind: 'score', check };
    case 'property':
    case 'distribution':
      return check.withReference ? { kind: 'outcomes', check: { ...check, task: taskOf(check) }, withVariants: false } : { kind: 'none' };
    case 'api':
      // The built-in rule is judged on a function that computes the result: its values are held
      // (loosely) to the reference's or a known variant's, so returning nothing earns nothing.
      return { kind: 'outcomes', check: { ...check, task: taskOf(check) }, withVariants: true };
    default:
      return { kind: 'none' };
  }
}
