/**
 * The parent's check of every message a sandbox sends: the shape it must have, and for results
 * an id the parent is waiting for. The channel is authenticated (channel.ts), but the code that
 * built the message ran in a process the submission shares, so nothing is taken on trust.
 */
import type { CaseOutcome, ChildMessage, ErrorInfo } from './protocol.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isStrRecord = (v: unknown): boolean => isObj(v) && Object.values(v).every(isStr);

function isErrorInfo(v: unknown): v is ErrorInfo {
  return isObj(v) && isStr(v.name) && isStr(v.message) && typeof v.notImplemented === 'boolean' && (v.where === undefined || isStr(v.where)) && (v.outOfMemory === undefined || typeof v.outOfMemory === 'boolean');
}

function isOutcome(v: unknown): v is CaseOutcome {
  if (!isObj(v)) return false;
  return v.ok === true ? 'value' in v : v.ok === false && isErrorInfo(v.error);
}

/** The message, or what is wrong with it. */
export function checkMessage(raw: unknown, pending: ReadonlyMap<number, unknown>): ChildMessage | string {
  if (!isObj(raw) || !isStr(raw.type)) return 'not an object with a type';
  const m = raw;
  switch (m.type) {
    case 'ready':
      return isStr(m.backend) && isStr(m.reason) ? (m as unknown as ChildMessage) : 'bad ready';
    case 'startup-failed':
      return isStr(m.message) ? (m as unknown as ChildMessage) : 'bad startup-failed';
    case 'loaded':
      return isStrRecord(m.exports) && (m.variants === undefined || Array.isArray(m.variants)) ? (m as unknown as ChildMessage) : 'bad loaded';
    case 'load-failed':
      return isErrorInfo(m.error) ? (m as unknown as ChildMessage) : 'bad load-failed';
    case 'fatal':
      return isStr(m.what) && isErrorInfo(m.error) ? (m as unknown as ChildMessage) : 'bad fatal';
    case 'run-failed':
      if (!isNum(m.id) || !pending.has(m.id)) return 'a failure for a request that is not running';
      return isErrorInfo(m.error) ? (m as unknown as ChildMessage) : 'bad run-failed';
    case 'result':
      if (!isNum(m.id) || !pending.has(m.id)) return 'a result for a request that is not running';
      if (!Array.isArray(m.outcomes) || !m.outcomes.every(isOutcome)) return 'bad outcomes';
      if (!isStrArray(m.kernels) || !isStrArray(m.names) || !isNum(m.leaked) || !isNum(m.ms) || !isNum(m.peakRssMb)) return 'bad result fields';
      return m as unknown as ChildMessage;
    default:
      return `unknown message type ${JSON.stringify(String(m.type).slice(0, 40))}`;
  }
}
