/**
 * The result channel: the only way a sandbox process can tell the parent anything.
 *
 * Requests arrive in frames on their own pipe (fd 3, below); everything the child says goes over a
 * dedicated pipe (fd 4) in frames of `[length: u32 LE][token: 32 bytes][v8-serialized message]`.
 * The token is random per process, handed over in an environment variable that the child reads
 * and deletes before any student code runs; the writer below captures every function it uses
 * at that same moment. So a submission that patches `process.send`, `JSON.stringify`,
 * `v8.Serializer.prototype` or `Buffer` cannot touch the grader's own messages, and one that
 * writes its own frames to fd 4 (or anything to stdout or the request pipe) cannot produce a
 * frame the parent accepts: a frame with a wrong token is reported as tampering.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import v8 from 'node:v8';

export const RESULT_FD = 4;
export const TOKEN_ENV = 'GRADER_RESULT_TOKEN';
const TOKEN_BYTES = 32;
const HEADER = 4 + TOKEN_BYTES;
/** A frame larger than this is refused (a misbehaving child must not exhaust the parent). */
const MAX_FRAME = 256 * 1024 * 1024;

export function newToken(): string {
  return crypto.randomBytes(TOKEN_BYTES).toString('hex');
}

/**
 * Call once at start-up, before any untrusted code has run: reads and removes the token and
 * captures what the writer needs. Returns the send function (or undefined outside a sandbox).
 */
export function captureResultWriter(): ((message: unknown) => void) | undefined {
  const hex = process.env[TOKEN_ENV];
  delete process.env[TOKEN_ENV];
  if (!hex || hex.length !== TOKEN_BYTES * 2) return undefined;
  const U8 = Uint8Array;
  const token = new U8(TOKEN_BYTES);
  for (let i = 0; i < TOKEN_BYTES; i++) token[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  const apply = Reflect.apply;
  const writeSync = fs.writeSync;
  const Serializer = v8.Serializer;
  const { writeHeader, writeValue, releaseBuffer } = Serializer.prototype;
  const lengthOf = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(U8.prototype) as object, 'length')!.get!;
  const ErrorCtor = Error;
  const writeAll = (bytes: Uint8Array): void => {
    const n = apply(lengthOf, bytes, []) as number;
    let off = 0;
    while (off < n) {
      try {
        off += apply(writeSync, undefined, [RESULT_FD, bytes, off, n - off]) as number;
      } catch (e) {
        if ((e as { code?: string }).code !== 'EAGAIN') throw e;
      }
    }
  };
  return (message: unknown): void => {
    const ser = new Serializer();
    apply(writeHeader, ser, []);
    if (!apply(writeValue, ser, [message])) throw new ErrorCtor('grader: a message could not be serialized');
    const payload = apply(releaseBuffer, ser, []) as Uint8Array;
    const size = apply(lengthOf, payload, []) as number;
    const head = new U8(HEADER);
    head[0] = size & 0xff;
    head[1] = (size >>> 8) & 0xff;
    head[2] = (size >>> 16) & 0xff;
    head[3] = (size >>> 24) & 0xff;
    for (let i = 0; i < TOKEN_BYTES; i++) head[4 + i] = token[i]!;
    writeAll(head);
    writeAll(payload);
  };
}

/** Chunks in arrival order, taken from the front without re-copying what is left (linear in the bytes). */
class ByteQueue {
  private chunks: Buffer[] = [];
  size = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** The first `n` bytes, removed from the queue (n <= size). */
  take(n: number): Buffer {
    this.size -= n;
    const first = this.chunks[0]!;
    if (first.length >= n) {
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, n - off);
      c.copy(out, off, 0, k);
      off += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    return out;
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
  }
}

/** The largest result a sandbox may send: beyond it the check fails, the parent is not flooded. */
export const MAX_RESULT_MB = MAX_FRAME / 1024 / 1024;

/** The parent's side: reassembles frames from the pipe, checks the token, deserializes. */
export class ResultReader {
  private readonly queue = new ByteQueue();
  private readonly token: Buffer;
  private broken = false;
  /** The payload length of the frame being read, once its header has been checked. */
  private need: number | undefined;

  constructor(
    tokenHex: string,
    private readonly onMessage: (m: unknown) => void,
    private readonly onTamper: (why: string) => void,
  ) {
    this.token = Buffer.from(tokenHex, 'hex');
  }

  push(chunk: Buffer): void {
    if (this.broken) return;
    this.queue.push(chunk);
    while (!this.broken) {
      if (this.need === undefined) {
        if (this.queue.size < HEADER) return;
        const head = this.queue.take(HEADER);
        if (!crypto.timingSafeEqual(head.subarray(4, HEADER), this.token)) return this.fail('a message on the result channel did not come from the grader');
        const length = head.readUInt32LE(0);
        if (length > MAX_FRAME) return this.fail(`it sent a result of ${Math.round(length / 1024 / 1024)} MB (the limit is ${MAX_RESULT_MB} MB)`);
        this.need = length;
      }
      if (this.queue.size < this.need) return;
      const payload = this.queue.take(this.need);
      this.need = undefined;
      let message: unknown;
      try {
        message = v8.deserialize(payload);
      } catch {
        return this.fail('a message on the result channel could not be read');
      }
      try {
        this.onMessage(message);
      } catch (e) {
        // Whatever the message does to the parent's handling of it ends this sandbox, not the grader.
        return this.fail(`a message on the result channel could not be handled (${String((e as Error)?.message ?? e).slice(0, 200)})`);
      }
    }
  }

  private fail(why: string): void {
    this.broken = true;
    this.queue.clear();
    this.onTamper(why);
  }
}

/**
 * Requests, parent to child, over their own pipe (fd 3): `[length: u32 LE][v8-serialized]`.
 * The parent never reads that pipe, so nothing a child writes there is ever parsed by it
 * (Node's IPC channel would deserialize it in the parent, where a malformed message throws).
 */
export const REQUEST_FD = 3;

export function encodeRequest(message: unknown): Buffer {
  const payload = v8.serialize(message);
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32LE(payload.length, 0);
  return Buffer.concat([head, payload]);
}

/** The child's side: frames from the request pipe, decoded with functions captured at start-up. */
export function requestDecoder(onRequest: (m: unknown) => void): (chunk: Buffer) => void {
  const queue = new ByteQueue();
  const deserialize = v8.deserialize;
  let need: number | undefined;
  return (chunk) => {
    queue.push(chunk);
    for (;;) {
      if (need === undefined) {
        if (queue.size < 4) return;
        need = queue.take(4).readUInt32LE(0);
      }
      if (queue.size < need) return;
      const payload = queue.take(need);
      need = undefined;
      onRequest(deserialize(payload));
    }
  };
}
