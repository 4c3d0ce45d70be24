import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../grader/basics/rng.ts';

/**
 * Comparison helpers for the reference's tests (tinygrad's helper_test_op, in small):
 * seeded identical inputs for both sides; shape, then dtype, then values, then the
 * gradient of Σ c·f(x) for a seeded random cotangent c (not Σ f(x): the gradient of
 * Σ softmax(x) is 0 for every x, whatever the softmax), w.r.t. each listed input. Returns
 * the worst differences; the test asserts them against its own tolerances.
 */

export type Values = tf.Tensor | ArrayLike<number> | number;

function flat(x: Values): number[] {
  if (typeof x === 'number') return [x];
  if (x instanceof tf.Tensor) return Array.from(x.dataSync());
  return Array.from(x);
}

/** max |a − b| over elements; NaN if either has a NaN; throws if the sizes differ. */
export function maxAbsDiff(a: Values, b: Values): number {
  const xa = flat(a);
  const xb = flat(b);
  if (xa.length !== xb.length) throw new Error(`maxAbsDiff: sizes differ, ${xa.length} vs ${xb.length}`);
  let worst = 0;
  for (let i = 0; i < xa.length; i++) {
    const d = Math.abs(xa[i]! - xb[i]!);
    if (Number.isNaN(d) && !(xa[i] === xb[i])) return NaN; // ∞ vs ∞ counts as equal
    if (d > worst) worst = d;
  }
  return worst;
}

/** max |a − b| / max(|b|, floor): relative error, with an absolute floor for values near 0. */
export function maxRelDiff(a: Values, b: Values, floor = 1): number {
  const xa = flat(a);
  const xb = flat(b);
  if (xa.length !== xb.length) throw new Error(`maxRelDiff: sizes differ, ${xa.length} vs ${xb.length}`);
  let worst = 0;
  for (let i = 0; i < xa.length; i++) {
    const d = Math.abs(xa[i]! - xb[i]!) / Math.max(Math.abs(xb[i]!), floor);
    if (Number.isNaN(d)) return NaN;
    if (d > worst) worst = d;
  }
  return worst;
}

export function allFinite(x: Values): boolean {
  return flat(x).every(Number.isFinite);
}

export function seededTensor(rng: Rng, shape: number[], scale = 1): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(rng.normals(n, 0, scale), shape);
}

export interface OpComparison {
  /** max |f − oracle| over the output's elements. */
  value: number;
  /** max |∂f − ∂oracle| per input listed in `wrt`, in that order. */
  grads: number[];
}

/**
 * Runs `f` and `oracle` on the same inputs (built fresh by `inputs`), checks they agree in
 * shape and dtype (throws otherwise, saying which), and returns the worst differences of
 * the values and of the gradients w.r.t. `wrt` (indices into the inputs). Leaks nothing:
 * throws if the tensor count changed.
 */
export function compareOp(opts: {
  name: string;
  f: (...xs: tf.Tensor[]) => tf.Tensor;
  oracle: (...xs: tf.Tensor[]) => tf.Tensor;
  inputs: () => tf.Tensor[];
  wrt?: number[];
  seed?: number;
}): OpComparison {
  const { name, f, oracle, wrt = [] } = opts;
  const before = tf.memory().numTensors;
  const xs = opts.inputs();
  try {
    const got = f(...xs);
    const want = tf.tidy(() => oracle(...xs)); // the oracle may leave intermediates; f may not
    try {
      if (got.shape.join(',') !== want.shape.join(',')) {
        throw new Error(`${name}: shape [${got.shape}] but the oracle gives [${want.shape}]`);
      }
      if (got.dtype !== want.dtype) throw new Error(`${name}: dtype ${got.dtype} but the oracle gives ${want.dtype}`);
      const value = maxAbsDiff(got, want);
      const rng = new Rng(opts.seed ?? 1).fork(`${name}/cotangent`);
      const grads = wrt.map((i) => tf.tidy(() => {
        const c = seededTensor(rng, got.shape);
        const at = (g: typeof f) => (x: tf.Tensor) => g(...xs.map((y, j) => (j === i ? x : y))).mul(c).sum();
        const gf = tf.grad(at(f))(xs[i]!);
        const go = tf.grad(at(oracle))(xs[i]!);
        return maxAbsDiff(gf, go);
      }));
      return { value, grads };
    } finally {
      got.dispose();
      want.dispose();
    }
  } finally {
    tf.dispose(xs);
    const after = tf.memory().numTensors;
    if (after !== before) throw new Error(`${name}: ${after - before} tensor(s) leaked`);
  }
}

/**
 * Runs `fn` and returns its result, throwing unless the only new tensors are the ones it
 * returned (a pure function's outputs): the synchronous twin of test/tf-setup's expectNoLeak
 * for functions whose results are kept.
 */
export function onlyOutputs<T>(who: string, fn: () => T): T {
  const before = tf.memory().numTensors;
  const out = fn();
  const made = tf.memory().numTensors - before;
  const returned = new Set(tf.tensor_util.getTensorsInContainer(out as tf.TensorContainer)).size;
  if (made !== returned) throw new Error(`${who}: made ${made} tensor(s) but returned ${returned}: ${made - returned} leaked`);
  return out;
}
