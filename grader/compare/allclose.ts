import { isWireTensor, type Wire, type WireTensor } from '../basics/wire.ts';

export interface Tol {
  rtol: number;
  atol: number;
  /** The share of a tensor's elements that may be off (0 unless given): for a loose "is it an attempt" comparison, not for grading values. */
  offFraction?: number;
}

export interface Mismatch {
  /** Where in the value: "params[1]", "state.m[0]", "" for the value itself. */
  path: string;
  message: string;
}

const fmt = (x: number): string => (Number.isNaN(x) ? 'NaN' : !Number.isFinite(x) ? (x > 0 ? 'Inf' : '-Inf') : Number(x.toPrecision(6)).toString());
const shapeText = (s: number[]): string => `[${s.join(', ')}]`;

function unravel(i: number, shape: number[]): string {
  if (shape.length === 0) return '';
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(i % shape[d]!);
    i = Math.floor(i / shape[d]!);
  }
  return `[${idx.join(', ')}]`;
}

function label(path: string): string {
  return path === '' ? 'the output' : path.startsWith('[') ? `output${path}` : path;
}

function compareNumbers(path: string, exp: ArrayLike<number>, got: ArrayLike<number>, shape: number[], tol: Tol): Mismatch | null {
  let bad = 0;
  let worst = -1;
  let worstRatio = 0;
  let firstNaN = -1;
  let firstInf = -1;
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i]!;
    const g = got[i]!;
    if (Object.is(e, g) || (Number.isNaN(e) && Number.isNaN(g))) continue;
    if (Number.isNaN(g) && firstNaN < 0) firstNaN = i;
    if (!Number.isNaN(g) && !Number.isFinite(g) && firstInf < 0) firstInf = i;
    const diff = Math.abs(g - e);
    const allowed = tol.atol + tol.rtol * Math.abs(e);
    if (!(diff <= allowed)) {
      bad++;
      const ratio = Number.isFinite(diff) ? diff / (allowed || Number.MIN_VALUE) : Infinity;
      if (worst < 0 || ratio > worstRatio) {
        worst = i;
        worstRatio = ratio;
      }
    }
  }
  if (bad === 0 || bad <= (tol.offFraction ?? 0) * exp.length) return null;
  const where = (i: number): string => `${label(path)}${unravel(i, shape)}`;
  const of = `${bad} of ${exp.length} element${exp.length === 1 ? '' : 's'} differ`;
  if (firstNaN >= 0) return { path, message: `NaN at ${where(firstNaN)} (expected ${fmt(exp[firstNaN]!)}); ${of}` };
  if (firstInf >= 0) return { path, message: `${fmt(got[firstInf]!)} at ${where(firstInf)} (expected ${fmt(exp[firstInf]!)}); ${of}` };
  const e = exp[worst]!;
  const g = got[worst]!;
  return {
    path,
    message: `${where(worst)}: expected ${fmt(e)}, got ${fmt(g)} (|diff| ${fmt(Math.abs(g - e))} > ${fmt(tol.atol + tol.rtol * Math.abs(e))} allowed); ${of}`,
  };
}

function compareTensor(path: string, exp: WireTensor, got: Wire, tol: Tol): Mismatch | null {
  const e = exp.$tensor;
  if (!isWireTensor(got)) {
    return { path, message: `${label(path)}: expected a tensor of shape ${shapeText(e.shape)}, got ${describe(got)}` };
  }
  const g = got.$tensor;
  if (g.shape.length !== e.shape.length || g.shape.some((d, i) => d !== e.shape[i])) {
    return { path, message: `${label(path)}: expected shape ${shapeText(e.shape)}, got ${shapeText(g.shape)}` };
  }
  if (g.dtype !== e.dtype) return { path, message: `${label(path)}: expected dtype ${e.dtype}, got ${g.dtype}` };
  return compareNumbers(path, e.data, g.data, e.shape, tol);
}

export function describe(v: Wire | undefined): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (isWireTensor(v)) return `a ${v.$tensor.dtype} tensor of shape ${shapeText(v.$tensor.shape)}`;
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return `an object with keys {${Object.keys(v).join(', ')}}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * allclose over a whole value: shapes, then dtypes, then |got − exp| ≤ atol + rtol·|exp|
 * elementwise, NaN only where NaN is expected. Returns the first mismatch, reporting the worst
 * element of a tensor with its index.
 */
export function compareWire(exp: Wire, got: Wire | undefined, tol: Tol, path = ''): Mismatch | null {
  if (got === undefined) return { path, message: `${label(path)}: missing (expected ${describe(exp)})` };
  if (isWireTensor(exp)) return compareTensor(path, exp, got, tol);
  if (typeof exp === 'number') {
    if (typeof got !== 'number') {
      if (isWireTensor(got) && got.$tensor.shape.length === 0) return compareNumbers(path, [exp], got.$tensor.data, [], tol);
      return { path, message: `${label(path)}: expected a number, got ${describe(got)}` };
    }
    return compareNumbers(path, [exp], [got], [], tol);
  }
  if (Array.isArray(exp)) {
    if (!Array.isArray(got)) return { path, message: `${label(path)}: expected an array of ${exp.length}, got ${describe(got)}` };
    if (got.length !== exp.length) return { path, message: `${label(path)}: expected ${exp.length} elements, got ${got.length}` };
    for (let i = 0; i < exp.length; i++) {
      const m = compareWire(exp[i]!, got[i], tol, `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (exp !== null && typeof exp === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got) || isWireTensor(got)) {
      return { path, message: `${label(path)}: expected ${describe(exp)}, got ${describe(got)}` };
    }
    for (const k of Object.keys(exp)) {
      const m = compareWire((exp as Record<string, Wire>)[k]!, (got as Record<string, Wire>)[k], tol, path === '' ? k : `${path}.${k}`);
      if (m) return m;
    }
    return null;
  }
  return exp === got ? null : { path, message: `${label(path)}: expected ${JSON.stringify(exp)}, got ${describe(got)}` };
}
