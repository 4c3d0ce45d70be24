import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/**
 * UnsortedSegmentSum for wasm, which ships without it: without it `tf.gather` has no
 * gradient on wasm, so a correct student answer built on gather would fail there only.
 *   out[s, ...] = Σ_{i : ids[i] = s} x[i, ...]   (ids outside [0, numSegments) are dropped)
 * computed as oneHot(ids)ᵀ · x, from kernels wasm has (OneHot, BatchMatMul, Reshape, Cast).
 */
const unsortedSegmentSum: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
  const { numSegments } = attrs as unknown as { numSegments: number };
  const result = tf.tidy(() => {
    const view = (t: TensorInfo) => tf.engine().runKernel(tf.Reshape, { x: t } as unknown as tf.NamedTensorMap, { shape: t.shape }) as tf.Tensor;
    const ids = view(segmentIds).reshape([-1]).toInt() as tf.Tensor1D; // [N]
    const n = ids.shape[0];
    const rest = x.shape.slice(segmentIds.shape.length);
    const flat = view(x).reshape([n, -1]).toFloat(); // [N, R]
    const sums = tf.matMul(tf.oneHot(ids, numSegments).toFloat(), flat, true, false); // [S, R]
    const out = sums.reshape([numSegments, ...rest]);
    return x.dtype === 'int32' ? out.round().toInt() : out;
  });
  (backend as tf.KernelBackend).incRef(result.dataId);
  const out: TensorInfo = { dataId: result.dataId, shape: result.shape, dtype: result.dtype };
  result.dispose();
  return out;
};

export const unsortedSegmentSumConfig: KernelConfig = {
  kernelName: tf.UnsortedSegmentSum,
  backendName: 'wasm',
  kernelFunc: unsortedSegmentSum,
};
