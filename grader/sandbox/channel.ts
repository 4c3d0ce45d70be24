/**
 * The result channel: the only way a sandbox process can tell the parent anything.
 *
 * Requests still arrive over Node's IPC channel, but everything the child says goes over a
 * dedicated pipe (fd 4) in frames of `[length: u32 LE][token: 32 bytes][v8-serialized message]`.
 * The token is random per process, handed over in an environment variable that the child reads
 * and deletes before any student code runs; the writer below captures every function it uses
 * at that same moment. So a submission that patches `process.send`, `JSON.stringify`,
 * `v8.Serializer.prototype` or `Buffer` cannot touch the grader's own messages, and one that
 * writes its own frames to fd 4 (or anything to stdout or the IPC channel) cannot produce a
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
const MAX_FRAME = 1024 * 1024 * 1024;

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

/** The parent's side: reassembles frames from the pipe, checks the token, deserializes. */
export class ResultReader {
  private buffered: Buffer[] = [];
  private size = 0;
  private readonly token: Buffer;
  private broken = false;

  constructor(
    tokenHex: string,
    private readonly onMessage: (m: unknown) => void,
    private readonly onTamper: (why: string) => void,
  ) {
    this.token = Buffer.from(tokenHex, 'hex');
  }

  push(chunk: Buffer): void {
    if (this.broken) return;
    this.buffered.push(chunk);
    this.size += chunk.length;
    while (this.size >= HEADER) {
      const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
      this.buffered = [all];
      const length = all.readUInt32LE(0);
      if (!crypto.timingSafeEqual(all.subarray(4, HEADER), this.token)) return this.fail('a message on the result channel did not come from the grader');
      if (length > MAX_FRAME) return this.fail('a message on the result channel was too large');
      if (all.length < HEADER + length) return;
      const payload = all.subarray(HEADER, HEADER + length);
      const rest = all.subarray(HEADER + length);
      this.buffered = rest.length > 0 ? [rest] : [];
      this.size = rest.length;
      let message: unknown;
      try {
        message = v8.deserialize(payload);
      } catch {
        return this.fail('a message on the result channel could not be read');
      }
      this.onMessage(message);
    }
  }

  private fail(why: string): void {
    this.broken = true;
    this.buffered = [];
    this.onTamper(why);
  }
}
