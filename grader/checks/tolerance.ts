import type { BackendName } from '../backends/names.ts';
import type { Tol } from '../compare/allclose.ts';
import type { Tolerance } from '../manifest/types.ts';

export const DEFAULT_TOL: Tol = { rtol: 1e-5, atol: 1e-6 };

/** The check's tolerance on this backend: its per-backend override, else its own, else the default. */
export function toleranceFor(t: Tolerance | undefined, backend: BackendName): Tol {
  const own = { rtol: t?.rtol ?? DEFAULT_TOL.rtol, atol: t?.atol ?? DEFAULT_TOL.atol };
  const over = t?.backends?.[backend];
  return { rtol: over?.rtol ?? own.rtol, atol: over?.atol ?? own.atol };
}
