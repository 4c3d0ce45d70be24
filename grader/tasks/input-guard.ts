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

/** `inputs[i]` is the tensor at argument position `position[i]` (for the message). */
export function guardInputs(inputs: tf.Tensor[], position: number[], fnName: string): InputGuard {
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
