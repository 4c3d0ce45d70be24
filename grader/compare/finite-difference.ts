/**
 * Central finite differences in float64 plain JS (CS231n's eval_numerical_gradient): the
 * oracle for a hand-written backward pass, since tfjs has no float64 to difference in.
 */
export function numericGradient(f: (x: Float64Array) => number, x: Float64Array, h = 1e-5): Float64Array {
  const grad = new Float64Array(x.length);
  const probe = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const old = probe[i]!;
    probe[i] = old + h;
    const fp = f(probe);
    probe[i] = old - h;
    const fm = f(probe);
    probe[i] = old;
    grad[i] = (fp - fm) / (2 * h);
  }
  return grad;
}

/**
 * max_i |a − b| / max(|a| + |b|, floor): CS231n's relative error. Around 1e-7 or less is right
 * for float64 on smooth functions; float32 analytic gradients land near 1e-4..1e-3.
 */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-8): number {
  if (a.length !== b.length) throw new Error(`maxRelativeError: lengths differ (${a.length} vs ${b.length})`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const num = Math.abs(a[i]! - b[i]!);
    const den = Math.max(Math.abs(a[i]!) + Math.abs(b[i]!), floor);
    worst = Math.max(worst, num / den);
  }
  return worst;
}
