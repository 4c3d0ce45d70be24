/**
 * The parent's check of every message a sandbox sends: the shape it must have, and for results
 * an id the parent is waiting for. The channel is authenticated (channel.ts), but the code that
 * built the message ran in a process the submission shares, so nothing is taken on trust: every
 * string is cleaned and capped, every returned value is checked (wire-check.ts), every list is
 * bounded, and what comes back is a fresh copy built from the checked parts.
 */
import { cleanText } from '../text/clean.ts';
import type { CaseOutcome, ChildMessage, ErrorInfo } from './protocol.ts';
import { BadWire, checkWire } from './wire-check.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

/** Caps on what a student's process can make the grader store and print. */
export const TEXT_LIMITS = { name: 200, message: 2_000, where: 200, listEntry: 200 };
const MAX_LIST = 10_000;
const MAX_OUTCOMES = 100_000;

function strList(v: unknown): string[] | undefined {
  if (!Array.isArray(v) || v.length > MAX_LIST || !v.every(isStr)) return undefined;
  // Sorted here, not in the child: its Array.prototype.sort may be the implementation's.
  return v.map((s) => cleanText(s, TEXT_LIMITS.listEntry)).sort();
}

function errorInfoOf(v: unknown): ErrorInfo | undefined {
  if (!isObj(v) || !isStr(v.name) || !isStr(v.message) || typeof v.notImplemented !== 'boolean') return undefined;
  if (v.where !== undefined && !isStr(v.where)) return undefined;
  if (v.outOfMemory !== undefined && typeof v.outOfMemory !== 'boolean') return undefined;
  const info: ErrorInfo = { name: cleanText(v.name, TEXT_LIMITS.name), message: cleanText(v.message, TEXT_LIMITS.message), notImplemented: v.notImplemented };
  if (v.where !== undefined) info.where = cleanText(v.where, TEXT_LIMITS.where);
  if (v.outOfMemory === true) info.outOfMemory = true;
  return info;
}

function outcomeOf(v: unknown): CaseOutcome | string {
  if (!isObj(v)) return 'an outcome that is not an object';
  if (v.ok === true) {
    if (!('value' in v)) return 'an outcome without a value';
    try {
      return { ok: true, value: checkWire(v.value) };
    } catch (e) {
      if (e instanceof BadWire || e instanceof RangeError) return `a returned value that is not plain data: ${e.message}`;
      throw e;
    }
  }
  const error = v.ok === false ? errorInfoOf(v.error) : undefined;
  return error ? { ok: false, error } : 'a malformed outcome';
}

/** The message rebuilt from its checked parts, or what is wrong with it. */
export function checkMessage(raw: unknown, pending: ReadonlyMap<number, unknown>): ChildMessage | string {
  if (!isObj(raw) || !isStr(raw.type)) return 'not an object with a type';
  const m = raw;
  switch (m.type) {
    case 'ready':
      return isStr(m.backend) && isStr(m.reason) ? { type: 'ready', backend: m.backend as never, reason: cleanText(m.reason, TEXT_LIMITS.message) } : 'bad ready';
    case 'startup-failed':
      return isStr(m.message) ? { type: 'startup-failed', message: cleanText(m.message, TEXT_LIMITS.message) } : 'bad startup-failed';
    case 'loaded': {
      if (!isObj(m.exports) || Object.keys(m.exports).length > 1000) return 'bad loaded';
      const exports: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.exports)) {
        if (!isStr(v)) return 'bad loaded';
        exports[cleanText(k, TEXT_LIMITS.listEntry)] = cleanText(v, 40);
      }
      if (m.variants !== undefined && !Array.isArray(m.variants)) return 'bad loaded';
      return { type: 'loaded', exports, variants: m.variants as never };
    }
    case 'load-failed': {
      const error = errorInfoOf(m.error);
      return error ? { type: 'load-failed', error } : 'bad load-failed';
    }
    case 'fatal': {
      const error = errorInfoOf(m.error);
      const what = m.what === 'an unhandled promise rejection' ? m.what : 'an uncaught exception';
      return error ? { type: 'fatal', what, error } : 'bad fatal';
    }
    case 'run-failed': {
      if (!isNum(m.id) || !pending.has(m.id)) return 'a failure for a request that is not running';
      const error = errorInfoOf(m.error);
      return error ? { type: 'run-failed', id: m.id, error } : 'bad run-failed';
    }
    case 'result': {
      if (!isNum(m.id) || !pending.has(m.id)) return 'a result for a request that is not running';
      if (!Array.isArray(m.outcomes) || m.outcomes.length > MAX_OUTCOMES) return 'bad outcomes';
      const outcomes: CaseOutcome[] = [];
      for (const o of m.outcomes) {
        const checked = outcomeOf(o);
        if (typeof checked === 'string') return checked;
        outcomes.push(checked);
      }
      const kernels = strList(m.kernels);
      const names = strList(m.names);
      if (!kernels || !names || !isNum(m.leaked)) return 'bad result fields';
      // Time and memory are measured by the parent (worker.ts); the child's own figures are not used.
      return { type: 'result', id: m.id, outcomes, kernels, names, leaked: Math.trunc(m.leaked), ms: 0, peakRssMb: 0 };
    }
    case 'progress': {
      if (!isNum(m.id) || !pending.has(m.id)) return 'progress for a request that is not running';
      if (!isNum(m.done) || !isNum(m.total) || !isStr(m.unit) || (m.note !== undefined && !isStr(m.note))) return 'bad progress';
      const progress: ChildMessage = { type: 'progress', id: m.id, done: m.done, total: m.total, unit: cleanText(m.unit, 20) };
      if (m.note !== undefined) progress.note = cleanText(m.note, 80);
      return progress;
    }
    default:
      return `unknown message type ${JSON.stringify(cleanText(m.type, 40))}`;
  }
}
