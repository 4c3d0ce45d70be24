import * as tf from '@tensorflow/tfjs';
import {
  backend_util,
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';

/**
 * The filter gradient of a 2-D convolution for the wasm backend, which ships without one.
 * It is composed of kernels wasm has (Reshape, Transpose, Slice, Conv2D; StridedSlice, PadV2, BatchMatMul, Pack), called
 * as tfjs ops from inside the kernel: the engine records no tape while a kernel runs, so the
 * inner ops only compute; the 'im2col' path also writes the patches itself, on the wasm heap. Semantics follow the cpu backend's kernel: NHWC, no dilation attr,
 * positions outside the (padded) input contribute zero.
 *
 *   dW[i, j, c1, c2] = Σ_{b, oy, ox} xPad[b, oy·sH + i, ox·sW + j, c1] · dy[b, oy, ox, c2]
 */

/**
 * 'im2col': the patches of x written once, transposed, by a JS loop on the wasm heap, then one
 * GEMM with dy (XNNPACK's fully connected, the fast path). 'conv': one forward Conv2D with the
 * batch as channels and dy as the filter. 'matmul': one strided slice and one GEMM per kernel
 * offset. 'auto' is what the kernel runs (see pickMethod); forcing one lets tests check every path.
 */
export type FilterGradMethod = 'auto' | 'im2col' | 'conv' | 'matmul';

let forcedMethod: FilterGradMethod = 'auto';

/** For tests and measurements: force one implementation ('auto' restores the default). */
export function setConv2DBackpropFilterMethod(method: FilterGradMethod): void {
  forcedMethod = method;
}

type Tensor4D = tf.Tensor4D;

/** An engine-tracked view of a kernel input, sharing its data (the Reshape kernel increments its ref count). */
function viewOf(t: TensorInfo): Tensor4D {
  return tf.engine().runKernel(tf.Reshape, { x: t } as unknown as tf.NamedTensorMap, { shape: t.shape }) as Tensor4D;
}

/** transpose, or a free reshape when the permutation only moves size-1 axes. */
function permute(t: Tensor4D, perm: [number, number, number, number]): Tensor4D {
  const nonUnit = perm.filter((axis) => t.shape[axis] !== 1);
  const keepsOrder = nonUnit.every((axis, k) => k === 0 || nonUnit[k - 1]! < axis);
  const shape = perm.map((axis) => t.shape[axis]!) as [number, number, number, number];
  return keepsOrder ? tf.reshape(t, shape) : tf.transpose(t, perm);
}

interface Geometry {
  /** Rows/columns of x the windows can touch: x[:, rowStart:rowEnd, colStart:colEnd, :]. */
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
  /** Zero rows/columns before and after that crop so it spans exactly the windows' extent. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The windows of the forward conv cover padded rows [0, (OH-1)·sH + kH). x sits at rows
 * [padTop, padTop + H) of that frame. Rows of x beyond the last window are cropped (the
 * 'valid'/floor case), missing rows are zero-padded (explicit pads, 'ceil' rounding).
 */
function geometry(info: backend_util.Conv2DInfo): Geometry {
  const axis = (size: number, padBefore: number, out: number, stride: number, k: number) => {
    const extent = (out - 1) * stride + k;
    const start = Math.max(0, -padBefore);
    const end = Math.max(start, Math.min(size, extent - padBefore));
    const before = Math.max(0, padBefore);
    return { start, end, before, after: extent - before - (end - start) };
  };
  const r = axis(info.inHeight, info.padInfo.top, info.outHeight, info.strideHeight, info.filterHeight);
  const c = axis(info.inWidth, info.padInfo.left, info.outWidth, info.strideWidth, info.filterWidth);
  return {
    rowStart: r.start, rowEnd: r.end, colStart: c.start, colEnd: c.end,
    top: r.before, bottom: r.after, left: c.before, right: c.after,
  };
}

function cropped(x: Tensor4D, g: Geometry): Tensor4D {
  const [b, h, w, c] = x.shape;
  if (g.rowStart === 0 && g.rowEnd === h && g.colStart === 0 && g.colEnd === w) return x;
  return tf.slice(x, [0, g.rowStart, g.colStart, 0], [b, g.rowEnd - g.rowStart, g.colEnd - g.colStart, c]);
}

/**
 * With C1 as the batch and B as the channels, dW is a stride-1 'valid' convolution of the
 * padded input with dy as the filter, dilated by the forward stride (window offset i and
 * dy row oy meet at input row i + oy·sH):
 *   out[c1, i, j, c2] = Σ_{oy, ox, b} xT[c1, i + oy·sH, j + ox·sW, b] · dyT[oy, ox, b, c2]
 * The padding goes into the conv's explicit pad, which XNNPACK applies without a copy.
 */
function viaConv(x: Tensor4D, dy: Tensor4D, info: backend_util.Conv2DInfo, g: Geometry): Tensor4D {
  const xT = permute(cropped(x, g), [3, 1, 2, 0]); // [C1, H', W', B]
  const dyT = permute(dy, [1, 2, 0, 3]); // [OH, OW, B, C2]
  const pad: backend_util.ExplicitPadding = [[0, 0], [g.top, g.bottom], [g.left, g.right], [0, 0]];
  const out = tf.conv2d(xT, dyT, 1, pad, 'NHWC', [info.strideHeight, info.strideWidth]); // [C1, kH, kW, C2]
  return permute(out, [1, 2, 0, 3]); // [kH, kW, C1, C2]
}

/** dW[i, j] = xPad[:, i::sH, j::sW, :]ᵀ · dy, both flattened to [B·OH·OW, C]: one GEMM per offset. */
function viaMatMul(x: Tensor4D, dy: Tensor4D, info: backend_util.Conv2DInfo, g: Geometry): Tensor4D {
  const { batchSize: b, outHeight: oh, outWidth: ow, inChannels: c1, outChannels: c2 } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const xPad = tf.pad(cropped(x, g), [[0, 0], [g.top, g.bottom], [g.left, g.right], [0, 0]]); // [B, (OH-1)·sH+kH, (OW-1)·sW+kW, C1]
  const dy2 = tf.reshape(dy, [b * oh * ow, c2]); // [B·OH·OW, C2]
  const taps: tf.Tensor2D[] = [];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const win = tf.stridedSlice(xPad, [0, i, j, 0], [b, i + (oh - 1) * sh + 1, j + (ow - 1) * sw + 1, c1], [1, sh, sw, 1]); // [B, OH, OW, C1]
      taps.push(tf.matMul(tf.reshape(win, [b * oh * ow, c1]), dy2, true, false)); // [C1, C2]
    }
  }
  return tf.reshape(tf.stack(taps), [kh, kw, c1, c2]);
}

interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

/**
 * colsT[(i·kW + j)·C1 + c1, (b·OH + oy)·OW + ox] = xPad[b, oy·sH + i, ox·sW + j, c1] (0 in the padding),
 * then dW = colsT · dy, with dy viewed as [B·OH·OW, C2]: one GEMM of the patches with the
 * output gradient, the MACs of the forward conv and nothing else. The forward conv's repacking
 * of a [OH, OW, B, C2] "filter" and the two transposes of the 'conv' path are gone; what is
 * left besides the GEMM is one write of the patches (kH·kW·C1·B·OH·OW floats).
 */
function viaIm2col(x: TensorInfo, dy: Tensor4D, info: backend_util.Conv2DInfo, wasm: WasmBackendLike): Tensor4D {
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c1, outHeight: oh, outWidth: ow, outChannels: c2 } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const rows = kh * kw * c1;
  const p = b * oh * ow;
  // The output first: allocating it may grow the wasm memory, which detaches every view taken before.
  const colsInfo = wasm.makeOutput([1, rows, p], 'float32');
  const cols = tf.engine().makeTensorFromTensorInfo(colsInfo) as tf.Tensor3D; // [1, kH·kW·C1, B·OH·OW]
  const xs = wasm.typedArrayFromHeap(x); // [B, H, W, C1]
  const out = wasm.typedArrayFromHeap(colsInfo);
  // Output rows (b, oy) outermost: the kH rows of x one output row reads stay in cache while
  // the kH·kW·C1 rows of colsT each get their OW values (row-major over taps, the other way
  // round, read x once per tap with a stride of C1 floats: ~4× slower at C1 = 16).
  const step = sw * c1;
  const lo = new Int32Array(kw);
  const hi = new Int32Array(kw);
  for (let j = 0; j < kw; j++) {
    // Output columns whose window column ox·sW + j − left lies inside [0, W).
    lo[j] = Math.min(ow, Math.max(0, Math.ceil((left - j) / sw)));
    hi[j] = Math.max(lo[j]!, Math.min(ow, Math.floor((w - 1 - j + left) / sw) + 1));
  }
  for (let bb = 0; bb < b; bb++) {
    for (let oy = 0; oy < oh; oy++) {
      const col = (bb * oh + oy) * ow; // where this output row's OW values go in each row of colsT
      let row = 0;
      for (let i = 0; i < kh; i++) {
        const y = oy * sh + i - top;
        if (y < 0 || y >= h) {
          for (let r = 0; r < kw * c1; r++, row++) {
            for (let o = row * p + col, end = o + ow; o < end; o++) out[o] = 0;
          }
          continue;
        }
        for (let j = 0; j < kw; j++) {
          const l = lo[j]!;
          const u = hi[j]!;
          for (let c = 0; c < c1; c++, row++) {
            const o = row * p + col;
            const base = (bb * h + y) * w * c1 + c + (j - left) * c1; // + ox·sW·C1: x[bb, y, ox·sW + j − left, c]
            // Plain loops, not fill(): the runs of padding are a column or two, and a call costs more.
            for (let ox = 0; ox < l; ox++) out[o + ox] = 0;
            for (let ox = l; ox < u; ox++) out[o + ox] = xs[base + ox * step]!;
            for (let ox = u; ox < ow; ox++) out[o + ox] = 0;
          }
        }
      }
    }
  }
  const dy3 = tf.reshape(dy, [1, p, c2]);
  const dw = tf.engine().runKernel(tf.BatchMatMul, { a: cols, b: dy3 } as unknown as tf.NamedTensorMap, { transposeA: false, transposeB: false }) as tf.Tensor3D; // [1, kH·kW·C1, C2]
  return tf.reshape(dw, [kh, kw, c1, c2]);
}

/** Above this many floats of patches (256 MB) 'auto' never takes 'im2col', which holds them all. */
const IM2COL_MAX_FLOATS = 64 << 20;
/** 'im2col' only for inputs with at most this many channels (see pickMethod). */
const IM2COL_MAX_CHANNELS = 4;

/**
 * Measured (min of 20 calls, batch 64, 3×3 filters, machine shared with other jobs):
 * C1 = 1 (a first layer on MNIST), 28×28 → 16: 'im2col' 1.5 ms 'valid' / 1.8 ms 'same' against
 * 'conv' 4.6 / 7.3 ms ('conv' repacks dy as a [26, 26, 64, 16] filter for a 3×3 output);
 * C1 = 16: 13×13 → 32 'valid' 4.9 / 4.8 ms, 14×14 → 16 'same' 6.1 / 4.3 ms, 28×28 → 32 'same'
 * 36 / 39 ms: writing the patches costs about what 'conv' saves. So 'auto' takes 'im2col'
 * for inputs of ≤ 4 channels (and patches ≤ 256 MB), 'conv' otherwise. 'conv' was 6–30×
 * faster than the per-offset GEMMs of 'matmul' on every shape measured; 'matmul' stays as an
 * independent implementation the tests check the others against.
 */
function pickMethod(info: backend_util.Conv2DInfo): Exclude<FilterGradMethod, 'auto'> {
  if (forcedMethod !== 'auto') return forcedMethod;
  const floats = info.filterHeight * info.filterWidth * info.inChannels * info.batchSize * info.outHeight * info.outWidth;
  return info.inChannels <= IM2COL_MAX_CHANNELS && floats <= IM2COL_MAX_FLOATS ? 'im2col' : 'conv';
}

export const conv2DBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
  if (dataFormat !== 'NHWC') {
    throw new Error(`wasm Conv2DBackpropFilter supports dataFormat 'NHWC' only, got '${dataFormat}'`);
  }
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
  if (dy.shape[0] !== info.batchSize || dy.shape[1] !== info.outHeight || dy.shape[2] !== info.outWidth || dy.shape[3] !== info.outChannels) {
    throw new Error(`wasm Conv2DBackpropFilter: dy has shape [${dy.shape}], the conv of x [${x.shape}] gives [${info.outShape}]`);
  }
  const g = geometry(info);
  const result = tf.tidy(() => {
    if (g.rowEnd === g.rowStart || g.colEnd === g.colStart) return tf.zeros(filterShape); // every window lies in the padding
    // No term to sum (an empty batch or output) or an empty result: zeros, never a GEMM over nothing.
    if (info.batchSize * info.outHeight * info.outWidth === 0 || info.inChannels * info.outChannels === 0) return tf.zeros(filterShape);
    const xv = viewOf(x); // [B, H, W, C1]
    const dyv = viewOf(dy); // [B, OH, OW, C2]
    const method = pickMethod(info);
    if (method === 'im2col') return viaIm2col(x, dyv, info, backend as unknown as WasmBackendLike);
    return method === 'conv' ? viaConv(xv, dyv, info, g) : viaMatMul(xv, dyv, info, g);
  });
  // Hand the engine a bare TensorInfo: take a backend reference to the data, then drop the
  // tracked tensor, so the engine wraps exactly one new output and counts no extra tensor.
  (backend as tf.KernelBackend).incRef(result.dataId);
  const out: TensorInfo = { dataId: result.dataId, shape: result.shape, dtype: result.dtype };
  result.dispose();
  return out;
};

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter,
};
