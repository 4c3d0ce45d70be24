import * as tf from '@tensorflow/tfjs';
import { util, type GatherV2Attrs, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';

/**
 * GatherV2 for wasm without batch dimensions, as minibatches are drawn (tf.gather(images, idx)
 * with images [8000, 784]): wasm's kernel (tfjs 4.22) copies element by element through
 * generic strides, ~1–2 ms for 64–100 rows of 784 in the vae and gan training steps. This one
 * copies whole blocks:
 *
 *   x viewed as [outer, D, inner], out as [outer, I, inner]:  out[o, i, :] = x[o, idx[i], :]
 *
 * Indices are checked as wasm's own kernel checks them (the same error for one outside
 * [0, D − 1]). Strings and batchDims > 0 go to wasm's own kernel.
 */
interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array | Uint8Array;
  makeOutput(shape: number[], dtype: string): TensorInfo;
}

function fastGather(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x, indices } = args.inputs as { x: TensorInfo; indices: TensorInfo };
    const { axis, batchDims } = args.attrs as unknown as GatherV2Attrs;
    if (x.dtype === 'string' || (batchDims ?? 0) !== 0 || indices.dtype !== 'int32') return original(args);
    const ax = util.parseAxisParam(axis, x.shape)[0]!;
    const wasm = args.backend as unknown as WasmBackendLike;
    const dim = x.shape[ax]!;
    const idx = Int32Array.from(wasm.typedArrayFromHeap(indices)); // a copy: the output's allocation may move the heap
    for (const i of idx) util.assert(i <= dim - 1 && i >= 0, () => `GatherV2: the index value ${i} is not in [0, ${dim - 1}]`);
    const outShape = [...x.shape.slice(0, ax), ...indices.shape, ...x.shape.slice(ax + 1)];
    const out = wasm.makeOutput(outShape, x.dtype);
    if (util.sizeFromShape(outShape) === 0) return out;
    const xs = wasm.typedArrayFromHeap(x);
    const o = wasm.typedArrayFromHeap(out);
    const outer = util.sizeFromShape(x.shape.slice(0, ax));
    const inner = util.sizeFromShape(x.shape.slice(ax + 1));
    let at = 0;
    for (let r = 0; r < outer; r++) {
      for (let k = 0; k < idx.length; k++, at += inner) {
        const from = (r * dim + idx[k]!) * inner;
        if (inner < 64) {
          for (let e = 0; e < inner; e++) o[at + e] = xs[from + e]!;
        } else {
          o.set(xs.subarray(from, from + inner), at);
        }
      }
    }
    return out;
  };
}

/** Wraps wasm's own GatherV2 (call after the wasm backend is registered). */
export function gatherRowsConfig(): KernelConfig | null {
  const original = tf.getKernel(tf.GatherV2, 'wasm');
  return original ? { ...original, kernelFunc: fastGather(original.kernelFunc) } : null;
}
