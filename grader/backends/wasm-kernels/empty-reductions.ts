import * as tf from '@tensorflow/tfjs';
import { util, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';

interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/**
 * wasm's reductions (tfjs 4.22) read uninitialised memory when the input is empty: the sum
 * over an empty batch, tf.sum(tf.zeros([0, 3]), 0), gives whatever the heap held (e.g.
 * 3.6e-41, or 0.43) instead of [0, 0, 0]. These wrappers let wasm's own kernel make the
 * output (its shape and dtype) and, for an empty input, overwrite it with what the cpu
 * backend gives, so a result never depends on the heap's history:
 *   Sum 0, Prod 1, Mean 0, Max NaN, Min NaN, Any false, All false (cpu's choices, not TensorFlow's ±Inf, NaN, true)
 */
export const EMPTY_REDUCTION_VALUES: Record<string, number> = {
  [tf.Sum]: 0,
  [tf.Prod]: 1,
  [tf.Mean]: 0,
  [tf.Max]: NaN,
  [tf.Min]: NaN,
  [tf.Any]: 0,
  [tf.All]: 0,
};

function guarded(original: KernelFunc, fill: number): KernelFunc {
  return (args) => {
    const out = original(args) as TensorInfo;
    const { x } = args.inputs as { x: TensorInfo };
    if (util.sizeFromShape(x.shape) === 0 && util.sizeFromShape(out.shape) > 0) {
      (args.backend as unknown as WasmBackendLike).typedArrayFromHeap(out).fill(fill);
    }
    return out;
  };
}

/** The current wasm kernel of each reduction, wrapped (call after the other replacements). */
export function emptyReductionConfigs(): KernelConfig[] {
  const out: KernelConfig[] = [];
  for (const [name, fill] of Object.entries(EMPTY_REDUCTION_VALUES)) {
    const current = tf.getKernel(name, 'wasm');
    if (current) out.push({ ...current, kernelFunc: guarded(current.kernelFunc, fill) });
  }
  return out;
}
