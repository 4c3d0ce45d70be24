import * as tf from '@tensorflow/tfjs';
import { backend_util, util, type KernelConfig, type KernelFunc, type SumAttrs, type TensorInfo } from '@tensorflow/tfjs';

/**
 * wasm's Sum reduces only innermost axes: for any other axes it first transposes the whole
 * input, then sums. The bias gradient of every conv layer is exactly that case, a sum of
 * dy [B, H, W, C] over axes [0, 1, 2] (~1.3 ms for [64, 26, 26, 16], idle, in the reference
 * CNN's ~24 ms step). For float32 sums over leading axes (not all of them) this wrapper reads
 * the input once, in memory order, into float64 accumulators (as the cpu backend sums):
 *
 *   out[j] = Σ_i x[i, j],  x viewed as [N, M], N = Π shape[0..k−1], M = the rest
 *
 * (~0.8 ms for that shape). A product with a row of ones was tried and was no faster:
 * XNNPACK repacks the fresh [N, M] operand on every call. Every other case goes to wasm's
 * own kernel.
 */
function leadingAxesOnly(axes: number[], rank: number): number | null {
  const sorted = [...new Set(axes)].sort((a, b) => a - b);
  if (sorted.length === 0 || sorted.length >= rank) return null;
  return sorted.every((axis, i) => axis === i) ? sorted.length : null;
}

interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

function viaRowLoop(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { axis, keepDims } = args.attrs as unknown as SumAttrs;
    if (x.dtype !== 'float32') return original(args);
    const axes = util.parseAxisParam(axis, x.shape);
    const k = leadingAxesOnly(axes, x.shape.length);
    if (k == null) return original(args);
    const n = util.sizeFromShape(x.shape.slice(0, k));
    const m = util.sizeFromShape(x.shape.slice(k));
    if (n === 0 || m === 0) return original(args);
    const [outShape] = backend_util.computeOutAndReduceShapes(x.shape, axes);
    const wasm = args.backend as unknown as WasmBackendLike;
    // The output first: allocating it may grow the wasm memory, which detaches every view taken before.
    const out = wasm.makeOutput(keepDims ? backend_util.expandShapeToKeepDim(outShape, axes) : outShape, 'float32');
    const xs = wasm.typedArrayFromHeap(x); // [N·M]
    const acc = new Float64Array(m);
    // Four rows per pass over acc (half the loads and stores of acc): ~1.5 → 0.8 ms on [64·26·26, 16].
    // The four are added in double first, so the order differs from cpu's row by row only in
    // double rounding (~1e-16 relative), far below the float32 result's.
    let i = 0;
    let base = 0;
    for (; i + 4 <= n; i += 4, base += 4 * m) {
      for (let j = 0; j < m; j++) acc[j] += (xs[base + j]! + xs[base + m + j]!) + (xs[base + 2 * m + j]! + xs[base + 3 * m + j]!);
    }
    for (; i < n; i++, base += m) {
      for (let j = 0; j < m; j++) acc[j] += xs[base + j]!;
    }
    wasm.typedArrayFromHeap(out).set(acc);
    return out;
  };
}

/** Wraps wasm's own Sum kernel (call after the wasm backend is registered). */
export function sumLeadingAxesConfig(): KernelConfig | null {
  const original = tf.getKernel(tf.Sum, 'wasm');
  if (!original) return null;
  return { ...original, kernelFunc: viaRowLoop(original.kernelFunc) };
}
