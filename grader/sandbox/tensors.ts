import * as tf from '@tensorflow/tfjs';
import { isWireTensor, type Wire } from '../basics/wire.ts';

/** A wire value with its tensors made into tf tensors (which the caller must dispose). */
export type Live = null | boolean | number | string | tf.Tensor | Live[] | { [key: string]: Live };

export function toLive(v: Wire): Live {
  if (v === null || typeof v !== 'object') return v;
  if (isWireTensor(v)) {
    const { shape, dtype, data } = v.$tensor;
    return tf.tensor(data, shape, dtype);
  }
  if (Array.isArray(v)) return v.map(toLive);
  const out: Record<string, Live> = {};
  for (const [k, x] of Object.entries(v)) out[k] = toLive(x);
  return out;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'object' && v !== null) return v.constructor?.name ?? 'an object';
  return typeof v;
}

/** Reads back a value an implementation returned. Throws on values that cannot be graded. */
export function toWire(v: unknown, where = 'the returned value'): Wire {
  if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof tf.Tensor) {
    if (v.isDisposed) throw new TypeError(`${where} is a tensor that was already disposed`);
    const dtype = v.dtype;
    if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') throw new TypeError(`${where} has dtype ${dtype}; expected float32, int32 or bool`);
    const raw = v.dataSync();
    const data = dtype === 'float32' ? Float32Array.from(raw) : dtype === 'int32' ? Int32Array.from(raw) : Uint8Array.from(raw);
    return { $tensor: { shape: [...v.shape], dtype, data } };
  }
  if (Array.isArray(v)) return v.map((x, i) => toWire(x, `${where}[${i}]`));
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, Wire> = {};
    for (const [k, x] of Object.entries(v)) out[k] = toWire(x, `${where}.${k}`);
    return out;
  }
  throw new TypeError(`${where} is ${describeValue(v)}; expected a tensor, a number or a plain object/array of them`);
}

// Captured at load, before any submission runs: tensorsIn also finds the inputs the input guard
// watches, so a patched Array.prototype.forEach or Object.values must not hide one.
const isArray = Array.isArray;
const getPrototypeOf = Object.getPrototypeOf;
const keysOf = Object.keys;
const OBJECT_PROTOTYPE = Object.prototype;

/** Every tensor inside a live value. */
export function tensorsIn(v: unknown, out: tf.Tensor[] = []): tf.Tensor[] {
  if (v instanceof tf.Tensor) out[out.length] = v;
  else if (isArray(v) || (typeof v === 'object' && v !== null && getPrototypeOf(v) === OBJECT_PROTOTYPE)) {
    const o = v as Record<string, unknown>;
    const keys = keysOf(o);
    for (let i = 0; i < keys.length; i++) tensorsIn(o[keys[i]!], out);
  }
  return out;
}

export function disposeAll(...vs: unknown[]): void {
  for (const v of vs) for (const t of tensorsIn(v)) t.dispose();
}
