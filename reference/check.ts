import type * as tf from '@tensorflow/tfjs';

/**
 * Argument checks shared by the reference functions. Each throws an Error whose message
 * names the function that complained, what it expected and what it got:
 * "dense: x must be rank 2, but got rank 3".
 */

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

export function checkTensor(who: string, name: string, x: unknown): asserts x is tf.Tensor {
  const ok = x != null && typeof x === 'object' && 'shape' in x && 'dtype' in x && 'rank' in x;
  if (!ok) throw new Error(`${who}: ${name} must be a tf.Tensor, but got ${x === null ? 'null' : typeof x}`);
  if ((x as tf.Tensor).isDisposed) throw new Error(`${who}: ${name} must be a live tf.Tensor, but it was disposed`);
}

export function checkRank(who: string, name: string, x: unknown, rank: number): asserts x is tf.Tensor {
  checkTensor(who, name, x);
  if (x.rank !== rank) throw new Error(`${who}: ${name} must be rank ${rank}, but got rank ${x.rank} (shape ${shapeText(x.shape)})`);
}

export function checkDtype(who: string, name: string, x: tf.Tensor, dtype: tf.DataType): void {
  if (x.dtype !== dtype) throw new Error(`${who}: ${name} must have dtype ${dtype}, but got ${x.dtype}`);
}

export function checkSameShape(who: string, a: [string, tf.Tensor], b: [string, tf.Tensor]): void {
  const [na, ta] = a;
  const [nb, tb] = b;
  const same = ta.rank === tb.rank && ta.shape.every((d, i) => d === tb.shape[i]);
  if (!same) throw new Error(`${who}: ${nb} must have the shape of ${na} ${shapeText(ta.shape)}, but got ${shapeText(tb.shape)}`);
}

/** `lists` are parallel arrays of tensors (params, grads, state…): same length, same shapes pairwise. */
export function checkTensorLists(who: string, lists: Record<string, unknown>): void {
  const names = Object.keys(lists);
  for (const name of names) {
    const list = lists[name];
    if (!Array.isArray(list)) throw new Error(`${who}: ${name} must be an array of tf.Tensor, but got ${typeof list}`);
    list.forEach((t, i) => checkTensor(who, `${name}[${i}]`, t));
  }
  const [first, ...rest] = names as [string, ...string[]];
  const ref = lists[first] as tf.Tensor[];
  for (const name of rest) {
    const list = lists[name] as tf.Tensor[];
    if (list.length !== ref.length) {
      throw new Error(`${who}: ${name} must have one tensor per ${first} (${ref.length}), but got ${list.length}`);
    }
    list.forEach((t, i) => checkSameShape(who, [`${first}[${i}]`, ref[i]!], [`${name}[${i}]`, t]));
  }
}

/** A finite number in [lo, hi] (hiOpen: in [lo, hi)). */
export function checkNumber(who: string, name: string, x: unknown, lo = -Infinity, hi = Infinity, hiOpen = false): asserts x is number {
  const inRange = typeof x === 'number' && Number.isFinite(x) && x >= lo && (hiOpen ? x < hi : x <= hi);
  if (inRange) return;
  const range = lo === -Infinity && hi === Infinity ? 'a finite number'
    : hi === Infinity ? `a finite number ≥ ${lo}`
    : `a number in [${lo}, ${hi}${hiOpen ? ')' : ']'}`;
  throw new Error(`${who}: ${name} must be ${range}, but got ${typeof x === 'number' ? x : typeof x}`);
}

export function checkInteger(who: string, name: string, x: unknown, lo = -Infinity): asserts x is number {
  if (typeof x === 'number' && Number.isInteger(x) && x >= lo) return;
  const what = lo === -Infinity ? 'an integer' : `an integer ≥ ${lo}`;
  throw new Error(`${who}: ${name} must be ${what}, but got ${typeof x === 'number' ? x : typeof x}`);
}
