import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { isWireTensor, type Case, type Wire, type WireDtype } from '../basics/wire.ts';

/**
 * The student edition's expected results: one gzip file per exercise holding a JSON header and
 * the raw bytes of every tensor in it, so float32 values travel exactly and compactly.
 *
 * Layout (before gzip): "GRFX1\n", the header's byte length (u32 little-endian), the header as
 * UTF-8 JSON, then the tensor bytes, each starting at a multiple of 8. In the header a tensor is
 * `{"$blob": {shape, dtype, offset, length}}` (offset and length in bytes, from the blob start).
 */
const MAGIC = Buffer.from('GRFX1\n');

/** The fixture file could not be read: it is not one, or it is damaged. */
export class FixtureFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixtureFileError';
  }
}

interface BlobRef {
  $blob: { shape: number[]; dtype: WireDtype; offset: number; length: number };
}

const isBlobRef = (v: unknown): v is BlobRef => typeof v === 'object' && v !== null && '$blob' in v;

/** Encodes plain data (objects, arrays, strings, numbers, booleans, null) whose tensors are wire tensors. */
export function encodeFixtures(value: unknown): Buffer {
  const blobs: Buffer[] = [];
  let size = 0;
  const header = JSON.stringify(value, (_key, v: unknown) => {
    // JSON has no NaN, ±Infinity or −0: spell them out so they come back exactly.
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return { $num: Object.is(v, -0) ? '-0' : String(v) };
    if (!isWireTensor(v)) return v;
    const { shape, dtype, data } = v.$tensor;
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const ref: BlobRef = { $blob: { shape, dtype, offset: size, length: bytes.length } };
    blobs.push(bytes);
    const padded = Math.ceil(bytes.length / 8) * 8;
    if (padded > bytes.length) blobs.push(Buffer.alloc(padded - bytes.length));
    size += padded;
    return ref;
  });
  const head = Buffer.from(header, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return zlib.gzipSync(Buffer.concat([MAGIC, len, head, ...blobs]), { level: 9 });
}

export function decodeFixtures<T>(file: Buffer): T {
  let raw: Buffer;
  try {
    raw = zlib.gunzipSync(file);
  } catch {
    throw new FixtureFileError('not a gzip file');
  }
  if (raw.length < MAGIC.length + 4 || !raw.subarray(0, MAGIC.length).equals(MAGIC)) throw new FixtureFileError('not a grader fixture file (bad magic)');
  const headLen = raw.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (start + headLen > raw.length) throw new FixtureFileError('truncated header');
  const blob = raw.subarray(start + headLen);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.subarray(start, start + headLen).toString('utf8'), (_key, v: unknown) => {
      if (typeof v === 'object' && v !== null && '$num' in v) return Number((v as { $num: string }).$num);
      if (!isBlobRef(v)) return v;
      const { shape, dtype, offset, length } = v.$blob;
      if (offset + length > blob.length) throw new FixtureFileError(`a tensor runs past the end of the file (offset ${offset}, ${length} bytes)`);
      // Copy into an aligned buffer of its own: typed arrays need aligned offsets.
      const bytes = new Uint8Array(length);
      bytes.set(blob.subarray(offset, offset + length));
      const data = dtype === 'float32' ? new Float32Array(bytes.buffer) : dtype === 'int32' ? new Int32Array(bytes.buffer) : bytes;
      return { $tensor: { shape, dtype, data } };
    });
  } catch (e) {
    if (e instanceof FixtureFileError) throw e;
    throw new FixtureFileError(`unreadable header: ${(e as Error).message}`);
  }
  return parsed as T;
}

/**
 * A hash of a check's cases that is the same on every machine and Node version: the student
 * edition compares it with the one recorded when it was packed, so a drifted input recipe is
 * caught instead of being compared against the wrong expected values.
 */
export function hashCases(cases: Case[]): string {
  const h = crypto.createHash('sha256');
  const walk = (v: Wire | undefined): void => {
    if (v === undefined) h.update('u;');
    else if (v === null) h.update('n;');
    else if (isWireTensor(v)) {
      const { shape, dtype, data } = v.$tensor;
      h.update(`t${dtype}[${shape.join(',')}]`);
      h.update(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      h.update(';');
    } else if (Array.isArray(v)) {
      h.update(`a${v.length}[`);
      v.forEach(walk);
      h.update(']');
    } else if (typeof v === 'object') {
      const keys = Object.keys(v).sort();
      h.update(`o${keys.length}{`);
      for (const k of keys) {
        h.update(JSON.stringify(k));
        walk((v as Record<string, Wire>)[k]);
      }
      h.update('}');
    } else h.update(`${typeof v}:${JSON.stringify(v)};`);
  };
  for (const c of cases) {
    h.update(JSON.stringify(c.label));
    walk(c.args);
    walk(c.answers);
  }
  return h.digest('hex').slice(0, 16);
}
