import * as tf from '@tensorflow/tfjs';
import { util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';

interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
  makeOutput(shape: number[], dtype: 'float32' | 'int32'): TensorInfo;
}

/**
 * UnsortedSegmentSum for wasm, which ships without it: without it `tf.gather` has no
 * gradient on wasm, so a correct student answer built on gather would fail there only.
 *   out[s, ...] = Σ_{i : ids[i] = s} x[i, ...]   (ids outside [0, numSegments) are dropped)
 * x viewed as [N, R] (N = ids.size, R = the rest), out as [S, R]. A plain loop over the
 * wasm heap with float64 accumulators (as the cpu backend sums). An earlier version built
 * oneHot(ids, S)ᵀ · x, which tfjs refuses for S = 1 ("depth must be >=2"): the gradient of
 * a gather from an axis of size 1 (a strided view whose output width is 1) failed on wasm only.
 * Every size works here: S = 1, N = 0 (an empty gather: zeros), R = 0 (an empty output).
 */
const unsortedSegmentSum: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
  const { numSegments } = attrs as unknown as { numSegments: number };
  const n = util.sizeFromShape(segmentIds.shape);
  const restShape = x.shape.slice(segmentIds.shape.length);
  const r = util.sizeFromShape(restShape);
  const dtype = x.dtype === 'int32' ? 'int32' : 'float32';
  const wasm = backend as unknown as WasmBackendLike;
  // The output first: allocating it may grow the wasm memory, which detaches every view taken before.
  const out = wasm.makeOutput([numSegments, ...restShape], dtype);
  if (numSegments * r === 0) return out;
  const xs = wasm.typedArrayFromHeap(x); // [N·R]
  const ids = wasm.typedArrayFromHeap(segmentIds); // [N], int32
  const acc = new Float64Array(numSegments * r);
  for (let i = 0; i < n; i++) {
    const s = ids[i]!;
    if (s < 0 || s >= numSegments) continue;
    const from = i * r;
    const to = s * r;
    for (let j = 0; j < r; j++) acc[to + j] += xs[from + j]!;
  }
  wasm.typedArrayFromHeap(out).set(acc);
  return out;
};

export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: tf.UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSum,
};
