import * as tf from '@tensorflow/tfjs';

// Captured when this module loads, which the sandbox does before any submission runs (see
// child.ts): code that patches Array.prototype.includes, Object.entries, the typed arrays'
// iterator or Tensor.prototype.dataSync cannot make a broken rule look kept. Loops below are
// plain index loops over the guard's own arrays for the same reason.
const apply = Reflect.apply;
const defineProperty = Reflect.defineProperty;
const isArray = Array.isArray;
const getPrototypeOf = Object.getPrototypeOf;
const keysOf = Object.keys;
const is = Object.is;
const OBJECT_PROTOTYPE = Object.prototype;
const F64 = Float64Array;
const dataSyncOf = tf.Tensor.prototype.dataSync;
const dataOf = tf.Tensor.prototype.data;
const isDisposedOf = Object.getOwnPropertyDescriptor(tf.Tensor.prototype, 'isDisposed')!.get!;

/** Whether a tensor was disposed, read with tfjs's own getter. */
export function disposed(t: tf.Tensor): boolean {
  return apply(isDisposedOf, t, []) as boolean;
}

/** The tensor's values now, read with tfjs's own dataSync and copied element by element. */
function valuesOf(t: tf.Tensor): Float64Array {
  return copyOf(apply(dataSyncOf, t, []) as ArrayLike<number>);
}

function copyOf(a: ArrayLike<unknown>): Float64Array {
  const out = new F64(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] as number;
  return out;
}

/** `list.includes(x)` without Array.prototype. */
export function has(list: readonly unknown[], x: unknown): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === x) return true;
  return false;
}

/** The own enumerable string-keyed entries of a plain object or array, without Object.entries. */
function entriesOf(o: object): [string, unknown][] {
  const keys = keysOf(o);
  const out: [string, unknown][] = [];
  for (let i = 0; i < keys.length; i++) out[i] = [keys[i]!, (o as Record<string, unknown>)[keys[i]!]];
  return out;
}

/**
 * The hygiene rules every pure exercise function states ("do not dispose or change the
 * inputs, return new tensors"), checked around one call on any backend.
 *
 * Writing into an input is invisible on wasm, where `dataSync()` hands out a copy, and real on
 * the cpu backend, where it hands out the tensor's own memory (and `bufferSync()` wraps that
 * memory). So the guard does not rely on the backend showing the write: it records every array
 * the function obtained from an input's `dataSync`/`data`, and after the call compares those
 * arrays (and a fresh read of each input) with the input's values before the call.
 */
export interface InputGuard {
  /** Throws when the call wrote into an input, disposed one, or returned one as its result. */
  verify(out: unknown): void;
  /** Removes the instance hooks (always call it, also when the function threw). */
  release(): void;
}

type Readable = (tf.TypedArray | number[] | string[] | Uint8Array[])[];

function argName(i: number): string {
  return `argument ${i + 1}`;
}

function sameValues(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!is(a[i], b[i])) return false;
  return true;
}

/** The arrays and plain objects inside an argument (depth ≤ 4), with a shallow copy of each. */
function containersIn(v: unknown, acc: { at: object; copy: [string, unknown][] }[] = [], depth = 0): { at: object; copy: [string, unknown][] }[] {
  if (depth > 4 || v === null || typeof v !== 'object' || v instanceof tf.Tensor) return acc;
  if (!isArray(v) && getPrototypeOf(v) !== OBJECT_PROTOTYPE) return acc;
  const copy = entriesOf(v);
  acc[acc.length] = { at: v, copy };
  for (let i = 0; i < copy.length; i++) containersIn(copy[i]![1], acc, depth + 1);
  return acc;
}

function sameEntries(a: [string, unknown][], b: [string, unknown][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (b[i]![0] !== a[i]![0] || !is(b[i]![1], a[i]![1])) return false;
  return true;
}

/**
 * `inputs[i]` is the tensor at argument position `position[i]` (for the message); `args`, when
 * given, are the call's arguments, whose arrays and plain objects must come back unchanged too
 * (a step that writes its new tensors into the caller's `params` array, or `state.t += 1`).
 */
export function guardInputs(inputs: tf.Tensor[], position: number[], fnName: string, args: unknown[] = []): InputGuard {
  const containers: { at: object; copy: [string, unknown][] }[][] = [];
  for (let i = 0; i < args.length; i++) containers[i] = containersIn(args[i]);
  // Values before the call: a copy on every backend.
  const before: (Float64Array | null)[] = [];
  const handedOut: Readable[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const t = inputs[i]!;
    before[i] = disposed(t) ? null : valuesOf(t);
    const handed: Readable = [];
    handedOut[i] = handed;
    // Defined, not assigned: an accessor the submission put on Tensor.prototype is not called.
    defineProperty(t, 'dataSync', {
      __proto__: null,
      configurable: true,
      writable: true,
      value: function dataSync(this: tf.Tensor) {
        const arr = apply(dataSyncOf, this, []) as tf.TypedArray;
        handed[handed.length] = arr;
        return arr;
      },
    } as PropertyDescriptor);
    defineProperty(t, 'data', {
      __proto__: null,
      configurable: true,
      writable: true,
      value: async function data(this: tf.Tensor) {
        const arr = (await apply(dataOf, this, [])) as tf.TypedArray;
        handed[handed.length] = arr;
        return arr;
      },
    } as PropertyDescriptor);
  }
  return {
    verify(out: unknown) {
      for (let i = 0; i < containers.length; i++) {
        const list = containers[i]!;
        for (let j = 0; j < list.length; j++) {
          const c = list[j]!;
          if (!sameEntries(c.copy, entriesOf(c.at))) {
            const what = isArray(c.at) ? 'an array' : 'an object';
            throw new Error(`${fnName} changed ${what} inside its ${argName(i)} in place (an element or property replaced, added or removed): do not modify the inputs — build and return new arrays and objects`);
          }
        }
      }
      const outs = tensorsOf(out);
      for (let i = 0; i < inputs.length; i++) {
        if (has(outs, inputs[i])) {
          throw new Error(`${fnName} returned its ${argName(position[i]!)} itself: return a new tensor (a caller that disposes the result would dispose its own input)`);
        }
      }
      for (let i = 0; i < inputs.length; i++) {
        const t = inputs[i]!;
        const was = before[i];
        if (!was || disposed(t)) continue;
        let wroteIntoHandedOut = false;
        const handed = handedOut[i]!;
        for (let j = 0; j < handed.length; j++) if (!sameValues(copyOf(handed[j] as ArrayLike<unknown>), was)) wroteIntoHandedOut = true;
        if (wroteIntoHandedOut || !sameValues(valuesOf(t), was)) {
          throw new Error(`${fnName} wrote into its ${argName(position[i]!)}'s data (through dataSync(), data() or a TensorBuffer): do not modify the inputs — on the cpu backend that memory is the caller's tensor; compute a new tensor instead`);
        }
      }
    },
    release() {
      for (let i = 0; i < inputs.length; i++) {
        const own = inputs[i] as unknown as Record<string, unknown>;
        delete own.dataSync;
        delete own.data;
      }
    },
  };
}

function tensorsOf(v: unknown, acc: tf.Tensor[] = [], depth = 0): tf.Tensor[] {
  if (depth > 4) return acc;
  if (v instanceof tf.Tensor) acc[acc.length] = v;
  else if (isArray(v) || (v !== null && typeof v === 'object' && getPrototypeOf(v) === OBJECT_PROTOTYPE)) {
    const entries = entriesOf(v as object);
    for (let i = 0; i < entries.length; i++) tensorsOf(entries[i]![1], acc, depth + 1);
  }
  return acc;
}
