import * as tf from '@tensorflow/tfjs';
import { backend_util, type AvgPoolGradAttrs, type KernelConfig, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs';

/**
 * AvgPoolGrad for wasm when the windows tile the input without overlap or padding (window =
 * stride, 'valid' or zero pad: DenseNet's 2×2 transition pool): each input position lies in at
 * most one window, so
 *
 *   dx[b, oy·sH + i, ox·sW + j, d] = dy[b, oy, ox, d] · 1/(kH·kW),  0 where no window reaches
 *
 * computed as the cpu backend computes it (the product in double, then stored as float32). One
 * pass instead of wasm's own kernel (~2.9 ms on [64, 7, 7, 24] → [64, 14, 14, 24] in a
 * ~100 ms DenseNet step). Every other geometry goes to wasm's own kernel.
 */
interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

function tiledAvgPoolGrad(original: KernelFunc): KernelFunc {
  return (args) => {
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as AvgPoolGradAttrs & { dimRoundingMode?: 'floor' | 'round' | 'ceil' };
    if (input.shape.length !== 4 || dy.dtype !== 'float32') return original(args);
    const info = backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
    const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sH, strideWidth: sW, filterHeight: kH, filterWidth: kW } = info;
    const p = info.padInfo;
    const tiles = kH === sH && kW === sW && p.top === 0 && p.left === 0 && p.bottom === 0 && p.right === 0 && OH * kH <= H && OW * kW <= W;
    if (!tiles) return original(args);
    const wasm = args.backend as unknown as WasmBackendLike;
    // The output first: allocating it may grow the wasm memory, which detaches every view taken before.
    const out = wasm.makeOutput(input.shape, 'float32');
    const dx = wasm.typedArrayFromHeap(out);
    const g = wasm.typedArrayFromHeap(dy);
    dx.fill(0);
    const mult = 1 / (kH * kW);
    for (let b = 0; b < B; b++) {
      for (let oy = 0; oy < OH; oy++) {
        for (let ox = 0; ox < OW; ox++) {
          const gi = ((b * OH + oy) * OW + ox) * C;
          for (let i = 0; i < kH; i++) {
            for (let j = 0; j < kW; j++) {
              const xi = ((b * H + oy * sH + i) * W + ox * sW + j) * C;
              for (let d = 0; d < C; d++) dx[xi + d] = g[gi + d]! * mult;
            }
          }
        }
      }
    }
    return out;
  };
}

/** Wraps wasm's own AvgPoolGrad (call after the wasm backend is registered). */
export function avgPoolGradConfig(): KernelConfig | null {
  const original = tf.getKernel(tf.AvgPoolGrad, 'wasm');
  return original ? { ...original, kernelFunc: tiledAvgPoolGrad(original.kernelFunc) } : null;
}
