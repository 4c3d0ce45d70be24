import * as tf from '@tensorflow/tfjs';
import { backend_util, type KernelConfig, type KernelFunc, type MaxPoolGradAttrs, type TensorInfo } from '@tensorflow/tfjs';

interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

/**
 * MaxPoolGrad for wasm. wasm's own kernel (tfjs 4.22) is wrong wherever a window's maximum is
 * ≤ 0: on a window of zeros (common right after a ReLU) it drops the gradient. This one
 * follows the cpu backend exactly: each window's gradient goes to its first maximum in
 * row-major order. A plain loop over the wasm heap, one pass over the windows:
 *   dx[b, r, c, d] += dy[b, oy, ox, d] for (r, c) = first argmax of window (oy, ox)
 */
const maxPoolGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const info = backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  const wasm = backend as unknown as WasmBackendLike;
  // The output first: allocating it may grow the wasm memory, which detaches every view taken before.
  const out = wasm.makeOutput(input.shape, 'float32');
  const x = wasm.typedArrayFromHeap(input);
  const g = wasm.typedArrayFromHeap(dy);
  const dx = wasm.typedArrayFromHeap(out);
  dx.fill(0);
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sH, strideWidth: sW } = info;
  const kH = info.effectiveFilterHeight;
  const kW = info.effectiveFilterWidth;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  if (kH === 2 && kW === 2 && sH === 2 && sW === 2 && top === 0 && left === 0 && 2 * OH <= H && 2 * OW <= W) {
    pool2x2(x, g, dx, B, H, W, C, OH, OW);
    return out;
  }
  // Channels innermost, as the data lie (NHWC): each window's rows are read contiguously, C
  // running maxima at a time, instead of one strided walk over the window per channel.
  const best = new Float32Array(C);
  const at = new Int32Array(C);
  for (let b = 0; b < B; b++) {
    for (let oy = 0; oy < OH; oy++) {
      const r0 = oy * sH - top;
      const rMin = Math.max(0, r0);
      const rMax = Math.min(H, r0 + kH);
      for (let ox = 0; ox < OW; ox++) {
        const c0 = ox * sW - left;
        const cMin = Math.max(0, c0);
        const cMax = Math.min(W, c0 + kW);
        best.fill(Number.NEGATIVE_INFINITY);
        at.fill(-1);
        for (let r = rMin; r < rMax; r++) {
          for (let c = cMin; c < cMax; c++) {
            const base = ((b * H + r) * W + c) * C;
            for (let d = 0; d < C; d++) {
              const v = x[base + d]!;
              // Strictly greater: ties keep the first in row-major order; NaN is never a maximum.
              if (v > best[d]!) {
                best[d] = v;
                at[d] = base + d;
              }
            }
          }
        }
        const gBase = ((b * OH + oy) * OW + ox) * C;
        for (let d = 0; d < C; d++) {
          const i = at[d]!;
          if (i >= 0) dx[i] += g[gBase + d]!;
        }
      }
    }
  }
  return out;
};

/**
 * The 2×2, stride-2 pool every windowed model of the course uses, every window inside x: the
 * same first-strict-maximum rule, unrolled over the four cells (~1.5× faster than the general
 * loop on [64, 26, 26, 16]: no per-window fills, no cell loops).
 */
function pool2x2(x: Float32Array, g: Float32Array, dx: Float32Array, B: number, H: number, W: number, C: number, OH: number, OW: number): void {
  const right = C;
  const down = W * C;
  for (let b = 0; b < B; b++) {
    for (let oy = 0; oy < OH; oy++) {
      for (let ox = 0; ox < OW; ox++) {
        const corner = ((b * H + 2 * oy) * W + 2 * ox) * C; // x[b, 2·oy, 2·ox, 0]
        let gi = ((b * OH + oy) * OW + ox) * C; // dy[b, oy, ox, 0]
        for (let a = corner, end = corner + C; a < end; a++, gi++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          // Row-major order, strictly greater: ties keep the first; NaN is never a maximum.
          let v = x[a]!;
          if (v > best) { best = v; at = a; }
          v = x[a + right]!;
          if (v > best) { best = v; at = a + right; }
          v = x[a + down]!;
          if (v > best) { best = v; at = a + down; }
          v = x[a + down + right]!;
          if (v > best) { at = a + down + right; }
          if (at >= 0) dx[at] += g[gi]!;
        }
      }
    }
  }
}

export const maxPoolGradConfig: KernelConfig = { kernelName: tf.MaxPoolGrad, backendName: 'wasm', kernelFunc: maxPoolGrad };
