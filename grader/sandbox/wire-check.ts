/**
 * The parent's check of a value a sandbox returned, before anything compares it: the value
 * was built in a process the submission controls, so a `{ $tensor: null }`, a shape that does
 * not match its data, a 10⁹-deep array or a 100 MB string are refused here, never met later
 * by the comparison. Strings are cleaned and capped in place of being refused.
 */
import type { Wire } from '../basics/wire.ts';
import { cleanText } from '../text/clean.ts';

const MAX_DEPTH = 32;
const MAX_NODES = 1_000_000;
const MAX_STRING = 2_000;
const MAX_RANK = 8;
const DTYPES = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

export class BadWire extends Error {}

/** A clean copy of `v` if it is a valid wire value; throws BadWire saying what is wrong. */
export function checkWire(v: unknown): Wire {
  let nodes = 0;
  const walk = (x: unknown, depth: number, at: string): Wire => {
    if (++nodes > MAX_NODES) throw new BadWire(`more than ${MAX_NODES} values`);
    if (depth > MAX_DEPTH) throw new BadWire(`nested more than ${MAX_DEPTH} deep at ${at}`);
    if (x === null || typeof x === 'boolean' || typeof x === 'number') return x;
    if (typeof x === 'string') return cleanText(x, MAX_STRING);
    if (Array.isArray(x)) {
      if (x.length > MAX_NODES) throw new BadWire(`an array of ${x.length} entries at ${at}`);
      const out: Wire[] = [];
      for (let i = 0; i < x.length; i++) out.push(walk(x[i], depth + 1, `${at}[${i}]`));
      return out;
    }
    if (typeof x !== 'object' || Object.getPrototypeOf(x) !== Object.prototype) throw new BadWire(`a ${typeof x} that is not plain data at ${at}`);
    const o = x as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(o, '$tensor')) return tensorOf(o.$tensor, at);
    const out: Record<string, Wire> = {};
    for (const k of Object.keys(o)) {
      if (k.length > 200) throw new BadWire(`a key of ${k.length} characters at ${at}`);
      out[k] = walk(o[k], depth + 1, `${at}.${k}`);
    }
    return out;
  };
  return walk(v, 0, 'the value');
}

function tensorOf(t: unknown, at: string): Wire {
  if (typeof t !== 'object' || t === null) throw new BadWire(`a tensor without shape and data at ${at}`);
  const { shape, dtype, data } = t as Record<string, unknown>;
  if (!Array.isArray(shape) || shape.length > MAX_RANK || !shape.every((d) => Number.isInteger(d) && d >= 0 && d < 2 ** 31)) throw new BadWire(`a tensor with an invalid shape at ${at}`);
  if (typeof dtype !== 'string' || !Object.prototype.hasOwnProperty.call(DTYPES, dtype)) throw new BadWire(`a tensor of an unknown dtype at ${at}`);
  const Ctor = DTYPES[dtype as keyof typeof DTYPES];
  if (!(data instanceof Ctor)) throw new BadWire(`a ${dtype} tensor whose data is not a ${Ctor.name} at ${at}`);
  const size = (shape as number[]).reduce((a, b) => a * b, 1);
  if (data.length !== size) throw new BadWire(`a tensor of shape [${shape.join(', ')}] with ${data.length} values at ${at}`);
  return { $tensor: { shape: [...(shape as number[])], dtype: dtype as keyof typeof DTYPES, data } };
}
