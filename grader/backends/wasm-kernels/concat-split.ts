import * as tf from '@tensorflow/tfjs';
import { backend_util, util, type ConcatAttrs, type KernelConfig, type KernelFunc, type SplitVAttrs, type TensorInfo } from '@tensorflow/tfjs';

/**
 * Concat and SplitV for wasm, the two halves of a DenseNet join: the forward concatenates
 * channels (the last axis) and its gradient splits them again. wasm's Concat (tfjs 4.22)
 * copies one `subarray().set()` per block — a call per pixel and input when joining channels —
 * and its SplitV runs one generic Slice per output. Both are the same copy seen from two sides:
 *
 *   x viewed as [outer, Σ sizeᵢ·inner]  ↔  part i viewed as [outer, sizeᵢ·inner]
 *
 * (outer = Π shape[..axis), inner = Π shape(axis..]). Blocks of fewer than BLOCK_LOOP values are
 * copied by a plain loop, longer ones by TypedArray.set. On [64, 14, 14, 28] ⊕ [64, 14, 14, 12]
 * (min of 30 calls, machine shared with other jobs): Concat 1.25 → 1.1 ms, SplitV 2.5 → 1.2 ms.
 * Strings go to wasm's own kernels.
 */
const BLOCK_LOOP = 64;

interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
  makeOutput(shape: number[], dtype: string): TensorInfo;
}

type Heap = Float32Array | Int32Array | Uint8Array;

function copyBlock(from: Heap, fromAt: number, to: Heap, toAt: number, n: number): void {
  if (n < BLOCK_LOOP) {
    for (let k = 0; k < n; k++) to[toAt + k] = from[fromAt + k]!;
  } else {
    to.set(from.subarray(fromAt, fromAt + n), toAt);
  }
}

function fastConcat(original: KernelFunc): KernelFunc {
  return (args) => {
    const inputs = args.inputs as unknown as TensorInfo[];
    if (inputs.length === 0 || inputs[0]!.dtype === 'string' || inputs.some((t) => t.dtype !== inputs[0]!.dtype)) return original(args);
    const axis = util.parseAxisParam((args.attrs as unknown as ConcatAttrs).axis, inputs[0]!.shape)[0]!;
    backend_util.assertParamsConsistent(inputs.map((t) => t.shape), axis);
    const nonEmpty = inputs.filter((t) => util.sizeFromShape(t.shape) > 0);
    // One input (or none) left: wasm's own kernel (a copy, or an empty output).
    if (nonEmpty.length <= 1) return original(args);
    const outShape = backend_util.computeOutShape(inputs.map((t) => t.shape), axis);
    const wasm = args.backend as unknown as WasmBackendLike;
    // The output first: allocating it may grow the wasm memory, which detaches every view taken before.
    const out = wasm.makeOutput(outShape, inputs[0]!.dtype);
    const o = wasm.typedArrayFromHeap(out);
    const outer = util.sizeFromShape(outShape.slice(0, axis));
    const row = util.sizeFromShape(outShape.slice(axis)); // [outer, row]
    let start = 0;
    for (const t of nonEmpty) {
      const x = wasm.typedArrayFromHeap(t);
      const n = util.sizeFromShape(t.shape.slice(axis)); // this input's part of each row
      if (n < BLOCK_LOOP) {
        // Inline, not through copyBlock: one call per pixel cost as much as the copy.
        for (let r = 0, from = 0, to = start; r < outer; r++, from += n, to += row) {
          for (let k = 0; k < n; k++) o[to + k] = x[from + k]!;
        }
      } else {
        for (let r = 0; r < outer; r++) copyBlock(x, r * n, o, r * row + start, n);
      }
      start += n;
    }
    return out;
  };
}

function fastSplitV(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    if (x.dtype === 'string') return original(args);
    const { numOrSizeSplits, axis } = args.attrs as unknown as SplitVAttrs;
    const ax = util.parseAxisParam(axis, x.shape)[0]!;
    const sizes = backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, ax);
    const wasm = args.backend as unknown as WasmBackendLike;
    // Every output first: allocating may grow the wasm memory, which detaches every view taken before.
    const outs = sizes.map((s) => wasm.makeOutput(x.shape.map((d, i) => (i === ax ? s : d)), x.dtype));
    if (util.sizeFromShape(x.shape) === 0) return outs;
    const xs = wasm.typedArrayFromHeap(x);
    const outer = util.sizeFromShape(x.shape.slice(0, ax));
    const inner = util.sizeFromShape(x.shape.slice(ax + 1));
    const row = x.shape[ax]! * inner; // x as [outer, row]
    let start = 0;
    outs.forEach((out, i) => {
      const n = sizes[i]! * inner;
      const o = wasm.typedArrayFromHeap(out);
      if (n < BLOCK_LOOP) {
        for (let r = 0, from = start, to = 0; r < outer; r++, from += row, to += n) {
          for (let k = 0; k < n; k++) o[to + k] = xs[from + k]!;
        }
      } else {
        for (let r = 0; r < outer; r++) copyBlock(xs, r * row + start, o, r * n, n);
      }
      start += n;
    });
    return outs;
  };
}

/** Wraps wasm's own Concat and SplitV (call after the wasm backend is registered). */
export function concatSplitConfigs(): KernelConfig[] {
  const out: KernelConfig[] = [];
  const concat = tf.getKernel(tf.Concat, 'wasm');
  if (concat) out.push({ ...concat, kernelFunc: fastConcat(concat.kernelFunc) });
  const split = tf.getKernel(tf.SplitV, 'wasm');
  if (split) out.push({ ...split, kernelFunc: fastSplitV(split.kernelFunc) });
  return out;
}
