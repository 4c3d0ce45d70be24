import * as tf from '@tensorflow/tfjs';
import { UsageWatch } from '../../sandbox/watch.ts';
import { selectBackend } from '../select.ts';
import type { OpCase } from './op-catalog.ts';

/**
 * Runs one op case on the plain cpu backend and on the default backend as the student
 * sandbox sets it up (wasm, the project's kernels registered, every kernel wrapped by the
 * sandbox's usage watch, the call made with the watch recording), and compares the value and
 * the gradient of Σ op(x)·dy w.r.t. every float input. Errors are results too: the same
 * error on both backends is parity (a tfjs limit everywhere), an error on one only is not.
 */

export type ValueSet = 'mixed' | 'positive' | 'large';

/**
 * Deterministic inputs, the same bits on both backends: 'mixed' in [−1, 1) with every third
 * entry exactly 0 (subgradient choices); 'positive' in [0.1, 1.1) (logs, roots); 'large' in
 * ±[20, 120) (overflow of exp, saturation of σ and tanh).
 */
export function inputValues(n: number, seed: number, set: ValueSet): Float32Array {
  const out = new Float32Array(n);
  let s = (seed * 2654435761) >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32; // [0, 1)
    out[i] = set === 'positive' ? 0.1 + u : set === 'large' ? (i % 2 === 0 ? 1 : -1) * (20 + 100 * u) : i % 3 === 2 ? 0 : 2 * u - 1;
  }
  return out;
}

interface Outcome {
  error?: string;
  tensors?: { shape: number[]; dtype: string; data: Float32Array }[];
}

let watch: UsageWatch | null = null;

/** The backend as the sandbox has it (cpu with the grader's cpu kernel fixes, grader/backends/cpu-kernels/). */
async function use(backend: 'cpu' | 'wasm'): Promise<void> {
  await selectBackend(backend);
  if (backend === 'wasm' && watch === null) {
    watch = new UsageWatch();
    watch.installKernelHooks();
  }
}

function evaluate(c: OpCase, set: ValueSet, onWasm: boolean): Outcome {
  try {
    const results = tf.tidy(() => {
      const xs = c.shapes.map((s, i) => tf.tensor(inputValues(s.reduce((a, b) => a * b, 1), i + 1, set), s));
      const call = onWasm && watch ? watch.wrap((...a: tf.Tensor[]) => c.call(...a)) : (...a: tf.Tensor[]) => c.call(...a);
      const y = call(...xs);
      const out: tf.Tensor[] = [y];
      if (c.differentiable && y.dtype === 'float32' && xs.length > 0) {
        const dy = tf.tensor(inputValues(y.size, 99, 'mixed').map((v) => v + 2), y.shape); // no zeros: every gradient element counts
        out.push(...tf.grads((...a: tf.Tensor[]) => tf.sum(tf.mul(call(...a), dy)))(xs));
      }
      return out;
    });
    const tensors = results.map((t) => ({ shape: t.shape, dtype: t.dtype, data: Float32Array.from(t.dataSync()) }));
    tf.dispose(results);
    return { tensors };
  } catch (e) {
    return { error: (e as Error).message.split('\n')[0]! };
  }
}

/** |wasm − cpu| ≤ ATOL·max|cpu| + RTOL·|cpu| elementwise; NaN only where cpu has NaN, ±Inf only where cpu has the same. */
export const RTOL = 1e-4;
export const ATOL = 1e-5;

function firstDifference(cpu: Float32Array, wasm: Float32Array): string | null {
  let scale = 1e-6;
  for (const v of cpu) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < cpu.length; i++) {
    const [a, b] = [cpu[i]!, wasm[i]!];
    if (Number.isNaN(a) || Number.isNaN(b) || !Number.isFinite(a) || !Number.isFinite(b)) {
      if (!(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) || a === b)) return `element ${i}: cpu ${a}, wasm ${b}`;
      continue;
    }
    if (Math.abs(a - b) > ATOL * scale + RTOL * Math.abs(a)) return `element ${i}: cpu ${a}, wasm ${b}`;
  }
  return null;
}

export interface Parity {
  case: OpCase;
  set: ValueSet;
  /** null when the two backends agree; otherwise what differs. */
  difference: string | null;
  /** Both backends threw this (a tfjs limit everywhere), when they did. */
  bothThrew?: string;
}

export async function compareOnBackends(c: OpCase, set: ValueSet): Promise<Parity> {
  await use('cpu');
  const cpu = evaluate(c, set, false);
  await use('wasm');
  const wasm = evaluate(c, set, true);
  if (cpu.error !== undefined || wasm.error !== undefined) {
    if (cpu.error !== undefined && wasm.error !== undefined) return { case: c, set, difference: null, bothThrew: cpu.error };
    return { case: c, set, difference: cpu.error !== undefined ? `only cpu threw: ${cpu.error}` : `only wasm threw: ${wasm.error}` };
  }
  const [a, b] = [cpu.tensors!, wasm.tensors!];
  for (let i = 0; i < a.length; i++) {
    const what = i === 0 ? 'value' : `gradient w.r.t. input ${i - 1}`;
    if (a[i]!.shape.join(',') !== b[i]!.shape.join(',')) return { case: c, set, difference: `${what}: shape cpu [${a[i]!.shape}], wasm [${b[i]!.shape}]` };
    if (a[i]!.dtype !== b[i]!.dtype) return { case: c, set, difference: `${what}: dtype cpu ${a[i]!.dtype}, wasm ${b[i]!.dtype}` };
    const d = firstDifference(a[i]!.data, b[i]!.data);
    if (d) return { case: c, set, difference: `${what}: ${d}` };
  }
  return { case: c, set, difference: null };
}
