/**
 * Values as they cross a process boundary or sit in the cache: plain data, with tensors as
 * typed arrays. No tfjs here, so the parent can make inputs and compare results without it.
 */
export type WireDtype = 'float32' | 'int32' | 'bool';
export type WireData = Float32Array | Int32Array | Uint8Array;

export interface WireTensor {
  $tensor: { shape: number[]; dtype: WireDtype; data: WireData };
}

export type Wire = null | boolean | number | string | WireTensor | Wire[] | { [key: string]: Wire };

/** One seeded input of a check: the arguments handed to the student's function or task. */
export interface Case {
  label: string;
  args: Wire[];
  /** Held-out answers (e.g. test labels): used by the parent to score, never sent to the sandbox. */
  answers?: Wire;
}

export function isWireTensor(v: unknown): v is WireTensor {
  return typeof v === 'object' && v !== null && '$tensor' in v;
}

function size(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function tensor(shape: number[], data: ArrayLike<number>, dtype: WireDtype = 'float32'): WireTensor {
  if (data.length !== size(shape)) throw new Error(`tensor: shape [${shape}] needs ${size(shape)} values, but got ${data.length}`);
  const typed = dtype === 'float32' ? Float32Array.from(data) : dtype === 'int32' ? Int32Array.from(data) : Uint8Array.from(data);
  return { $tensor: { shape: [...shape], dtype, data: typed } };
}

export function scalar(value: number): WireTensor {
  return tensor([], [value]);
}

/** Follows a path like "0.params.1" into a wire value; undefined when it is not there. */
export function atPath(v: Wire | undefined, dotted: string): Wire | undefined {
  if (dotted === '') return v;
  let cur: Wire | undefined = v;
  for (const key of dotted.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object' || isWireTensor(cur)) return undefined;
    cur = Array.isArray(cur) ? cur[Number(key)] : (cur as Record<string, Wire>)[key];
  }
  return cur;
}
