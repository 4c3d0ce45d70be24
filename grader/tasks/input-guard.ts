import * as tf from '@tensorflow/tfjs';

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
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** The arrays and plain objects inside an argument (depth ≤ 4), with a shallow copy of each. */
function containersIn(v: unknown, acc: { at: object; copy: [string, unknown][] }[] = [], depth = 0): { at: object; copy: [string, unknown][] }[] {
  if (depth > 4 || v === null || typeof v !== 'object' || v instanceof tf.Tensor) return acc;
  if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) return acc;
  acc.push({ at: v, copy: Object.entries(v) });
  for (const x of Object.values(v)) containersIn(x, acc, depth + 1);
  return acc;
}

function sameEntries(a: [string, unknown][], b: [string, unknown][]): boolean {
  return a.length === b.length && a.every(([k, x], i) => b[i]![0] === k && Object.is(b[i]![1], x));
}

/**
 * `inputs[i]` is the tensor at argument position `position[i]` (for the message); `args`, when
 * given, are the call's arguments, whose arrays and plain objects must come back unchanged too
 * (a step that writes its new tensors into the caller's `params` array, or `state.t += 1`).
 */
export function guardInputs(inputs: tf.Tensor[], position: number[], fnName: string, args: unknown[] = []): InputGuard {
  const containers = args.map((a) => containersIn(a));
  // Values before the call: a copy on every backend.
  const before = inputs.map((t) => (t.isDisposed ? null : Array.from(t.dataSync() as ArrayLike<number>)));
  const handedOut: Readable[] = inputs.map(() => []);
  inputs.forEach((t, i) => {
    const own = t as unknown as Record<string, unknown>;
    const proto = Object.getPrototypeOf(t) as { dataSync: () => tf.TypedArray; data: () => Promise<tf.TypedArray> };
    own.dataSync = function dataSync(this: tf.Tensor) {
      const arr = proto.dataSync.call(this);
      handedOut[i]!.push(arr);
      return arr;
    };
    own.data = async function data(this: tf.Tensor) {
      const arr = await proto.data.call(this);
      handedOut[i]!.push(arr);
      return arr;
    };
  });
  return {
    verify(out: unknown) {
      for (const [i, list] of containers.entries()) {
        for (const c of list) {
          if (!sameEntries(c.copy, Object.entries(c.at))) {
            const what = Array.isArray(c.at) ? 'an array' : 'an object';
            throw new Error(`${fnName} changed ${what} inside its ${argName(i)} in place (an element or property replaced, added or removed): do not modify the inputs — build and return new arrays and objects`);
          }
        }
      }
      const outs = tensorsOf(out);
      for (const [i, t] of inputs.entries()) {
        if (outs.includes(t)) {
          throw new Error(`${fnName} returned its ${argName(position[i]!)} itself: return a new tensor (a caller that disposes the result would dispose its own input)`);
        }
      }
      for (const [i, t] of inputs.entries()) {
        const was = before[i];
        if (!was || t.isDisposed) continue;
        const wroteIntoHandedOut = handedOut[i]!.some((arr) => !sameValues(arr as ArrayLike<unknown>, was));
        const now = Array.from(tf.Tensor.prototype.dataSync.call(t) as ArrayLike<number>);
        if (wroteIntoHandedOut || !sameValues(now, was)) {
          throw new Error(`${fnName} wrote into its ${argName(position[i]!)}'s data (through dataSync(), data() or a TensorBuffer): do not modify the inputs — on the cpu backend that memory is the caller's tensor; compute a new tensor instead`);
        }
      }
    },
    release() {
      for (const t of inputs) {
        const own = t as unknown as Record<string, unknown>;
        delete own.dataSync;
        delete own.data;
      }
    },
  };
}

function tensorsOf(v: unknown, acc: tf.Tensor[] = [], depth = 0): tf.Tensor[] {
  if (depth > 4) return acc;
  if (v instanceof tf.Tensor) acc.push(v);
  else if (Array.isArray(v)) v.forEach((x) => tensorsOf(x, acc, depth + 1));
  else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) Object.values(v).forEach((x) => tensorsOf(x, acc, depth + 1));
  return acc;
}
