import { expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { backend_util } from '@tensorflow/tfjs';
import { selectBackend } from '../select.ts';

// What the wasm kernel tests share. Every wasm result is checked against the cpu backend's own kernel on the same inputs:
//   |wasm - cpu| <= ATOL · max|cpu| + RTOL · |cpu|   (elementwise; float32 sums of ≤ ~200 terms)
export const ATOL = 1e-4;
export const RTOL = 1e-4;

export type Shape4 = [number, number, number, number];
export type Pad = 'valid' | 'same' | number | backend_util.ExplicitPadding;
export type Strides = number | [number, number];

/** Deterministic values in [-1, 1), the same on every backend (tfjs' random ops are per-backend). */
export function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

export const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

export function expectClose(got: Float32Array, want: Float32Array, what: string): void {
  expect(got.length, what).toBe(want.length);
  const scale = Math.max(1e-6, ...Array.from(want, Math.abs));
  let worst = 0;
  let at = -1;
  for (let i = 0; i < want.length; i++) {
    const excess = Math.abs(got[i]! - want[i]!) - (ATOL * scale + RTOL * Math.abs(want[i]!));
    if (excess > worst) [worst, at] = [excess, i];
  }
  expect(at, `${what}: element ${at} is ${got[at]}, cpu says ${want[at]} (scale ${scale})`).toBe(-1);
}

/** Runs `f` on cpu, then on wasm, and downloads both results. */
export async function onBothBackends(f: () => tf.Tensor): Promise<{ cpu: Float32Array; wasm: Float32Array }> {
  await selectBackend('cpu');
  const cpu = tf.tidy(f);
  const cpuValues = (await cpu.data()) as Float32Array;
  cpu.dispose();
  await selectBackend('wasm');
  const wasm = tf.tidy(f);
  const wasmValues = (await wasm.data()) as Float32Array;
  wasm.dispose();
  return { cpu: cpuValues, wasm: wasmValues };
}

