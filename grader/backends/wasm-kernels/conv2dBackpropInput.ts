import * as tf from '@tensorflow/tfjs';
import {
  backend_util,
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs';

/**
 * The input gradient of a 2-D convolution for the wasm backend, replacing wasm's own kernel
 * (tfjs 4.22), a plain C loop that took ~19 of the reference CNN's ~37 ms training step.
 * Semantics follow the cpu backend's kernel (NHWC or NCHW, no dilation):
 *
 *   dx[b, y, x, c1] = Σ_{i, j, c2; y = oy·sH + i − padTop, x = ox·sW + j − padLeft} dy[b, oy, ox, c2] · W[i, j, c1, c2]
 *
 * 'conv' computes it as one forward Conv2D (XNNPACK): insert sH−1 zero rows (sW−1 columns)
 * between dy's rows (columns), pad it by kH−1−padTop on top (cropping where that is
 * negative), and correlate it with the filter flipped in both spatial axes and with its
 * channel axes swapped, W'[i, j, c2, c1] = W[kH−1−i, kW−1−j, c1, c2]:
 *
 *   dx[b, y, x, c1] = Σ_{i, j, c2} dyDilPad[b, y + i, x + j, c2] · W'[i, j, c2, c1]
 *
 * 'loop' is wasm's own kernel, kept so tests can compare both and for measurements. Measured
 * (batch 64, 3×3 kernels, machine shared with other jobs): stride 1, 13×13×16 ← 11×11×32:
 * 6–8 ms against 43 ms; stride 2, 'same', 28×28×16 ← 14×14×32: 28 ms against 72–76 ms, the
 * zeros of the dilated dy (4× the MACs) included. 'auto' therefore always takes 'conv'.
 */
export type InputGradMethod = 'auto' | 'conv' | 'loop';

let forcedMethod: InputGradMethod = 'auto';

/** For tests and measurements: force one implementation ('auto' restores the default). */
export function setConv2DBackpropInputMethod(method: InputGradMethod): void {
  forcedMethod = method;
}

type Tensor4D = tf.Tensor4D;

/** An engine-tracked view of a kernel input, sharing its data (the Reshape kernel increments its ref count). */
function viewOf(t: TensorInfo): Tensor4D {
  return tf.engine().runKernel(tf.Reshape, { x: t } as unknown as tf.NamedTensorMap, { shape: t.shape }) as Tensor4D;
}

/**
 * dy with s−1 zeros after every row and column: [B, OH·sH, OW·sW, C2], where
 * out[b, oy·sH, ox·sW, c] = dy[b, oy, ox, c]. (The trailing zeros are cropped or padded later.)
 */
function dilated(dy: Tensor4D, sH: number, sW: number): Tensor4D {
  if (sH === 1 && sW === 1) return dy;
  const [b, oh, ow, c] = dy.shape;
  const spread = tf.pad(tf.reshape(dy, [b, oh, 1, ow, 1, c]), [[0, 0], [0, 0], [0, sH - 1], [0, 0], [0, sW - 1], [0, 0]]); // [B, OH, sH, OW, sW, C2]
  return tf.reshape(spread, [b, oh * sH, ow * sW, c]);
}

/**
 * Along one axis: how the dilated dy (length `len`) must be padded (positive) or cropped
 * (negative) before and after so that a stride-1 'valid' correlation with a k-tap filter
 * gives `size` outputs: before = k−1−padBefore, and before + len + after = size + k − 1.
 */
function frame(size: number, k: number, padBefore: number, len: number): { before: number; after: number } {
  const before = k - 1 - padBefore;
  return { before, after: size + k - 1 - before - len };
}

interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

/**
 * W'[i, j, c2, c1] = W[kH−1−i, kW−1−j, c1, c2] in one JS pass over the (small) filter: wasm's
 * Reverse and Transpose took ~0.15 ms each per call for a 3×3×16×16 filter, mostly call overhead.
 */
function flippedFilter(filter: TensorInfo, wasm: WasmBackendLike): Tensor4D {
  const [kh, kw, c1, c2] = filter.shape as [number, number, number, number];
  // The output first: allocating it may grow the wasm memory, which detaches every view taken before.
  const outInfo = wasm.makeOutput([kh, kw, c2, c1], 'float32');
  const out = tf.engine().makeTensorFromTensorInfo(outInfo) as Tensor4D;
  const w = wasm.typedArrayFromHeap(filter);
  const o = wasm.typedArrayFromHeap(outInfo);
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const from = ((kh - 1 - i) * kw + (kw - 1 - j)) * c1 * c2; // W[kH−1−i, kW−1−j, ·, ·]
      const to = (i * kw + j) * c2 * c1; // W'[i, j, ·, ·]
      for (let a = 0; a < c1; a++) {
        for (let b = 0; b < c2; b++) o[to + b * c1 + a] = w[from + a * c2 + b]!;
      }
    }
  }
  return out;
}

function viaConv(dy: Tensor4D, filter: TensorInfo, info: backend_util.Conv2DInfo, wasm: WasmBackendLike): Tensor4D {
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c1, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const dyDil = dilated(dy, sh, sw); // [B, OH·sH, OW·sW, C2]
  const rows = frame(h, kh, info.padInfo.top, dyDil.shape[1]);
  const cols = frame(w, kw, info.padInfo.left, dyDil.shape[2]);
  // Crop where the frame is negative: those dy rows/columns come from windows that only
  // reach x's padding there (large explicit pads, 'ceil' rounding, trailing zeros of dilation).
  const cropTop = Math.max(0, -rows.before);
  const cropBottom = Math.max(0, -rows.after);
  const cropLeft = Math.max(0, -cols.before);
  const cropRight = Math.max(0, -cols.after);
  const keptRows = dyDil.shape[1] - cropTop - cropBottom;
  const keptCols = dyDil.shape[2] - cropLeft - cropRight;
  if (keptRows <= 0 || keptCols <= 0) return tf.zeros([b, h, w, c1]); // every window lies in the padding
  const core = cropTop + cropBottom + cropLeft + cropRight === 0
    ? dyDil
    : tf.slice(dyDil, [0, cropTop, cropLeft, 0], [b, keptRows, keptCols, dyDil.shape[3]]);
  const flipped = flippedFilter(filter, wasm); // [kH, kW, C2, C1]
  const pad: backend_util.ExplicitPadding = [[0, 0], [Math.max(0, rows.before), Math.max(0, rows.after)], [Math.max(0, cols.before), Math.max(0, cols.after)], [0, 0]];
  return tf.conv2d(core, flipped, 1, pad); // [B, H, W, C1]
}

/** wasm's own kernel (its setup ran when the backend initialised), or null before registration. */
let wasmOwn: KernelFunc | null = null;

function pickMethod(): Exclude<InputGradMethod, 'auto'> {
  if (forcedMethod === 'loop' && wasmOwn == null) throw new Error('wasm Conv2DBackpropInput: wasm\'s own kernel was not found at registration');
  return forcedMethod === 'auto' ? 'conv' : forcedMethod;
}

export const conv2DBackpropInput: KernelFunc = (args) => {
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as Conv2DBackpropInputAttrs;
  if (pickMethod() === 'loop') return wasmOwn!(args);
  const channelsLast = backend_util.convertConv2DDataFormat(dataFormat) === 'channelsLast';
  const info = backend_util.computeConv2DInfo(
    inputShape, filter.shape as [number, number, number, number], strides, 1, pad, dimRoundingMode, false, channelsLast ? 'channelsLast' : 'channelsFirst');
  const dyNhwc = channelsLast ? dy.shape : [dy.shape[0], dy.shape[2], dy.shape[3], dy.shape[1]];
  if (dyNhwc[0] !== info.batchSize || dyNhwc[1] !== info.outHeight || dyNhwc[2] !== info.outWidth || dyNhwc[3] !== info.outChannels) {
    throw new Error(`wasm Conv2DBackpropInput: dy has shape [${dy.shape}], the conv of an input [${inputShape}] with filter [${filter.shape}] gives [${info.outShape}]`);
  }
  const result = tf.tidy(() => {
    const dyv = viewOf(dy);
    const dyLast = channelsLast ? dyv : tf.transpose(dyv, [0, 2, 3, 1]); // [B, OH, OW, C2]
    const dx = viaConv(dyLast, filter, info, backend as unknown as WasmBackendLike); // [B, H, W, C1]
    return channelsLast ? dx : tf.transpose(dx, [0, 3, 1, 2]);
  });
  // Hand the engine a bare TensorInfo: take a backend reference to the data, then drop the
  // tracked tensor, so the engine wraps exactly one new output and counts no extra tensor.
  (backend as tf.KernelBackend).incRef(result.dataId);
  const out: TensorInfo = { dataId: result.dataId, shape: result.shape, dtype: result.dtype };
  result.dispose();
  return out;
};

/**
 * The replacement config; call after the wasm backend is registered (importing
 * @tensorflow/tfjs-backend-wasm), so wasm's own kernel and its setup are kept for 'loop'.
 */
export function conv2DBackpropInputConfig(): KernelConfig {
  const own = tf.getKernel(tf.Conv2DBackpropInput, 'wasm');
  if (own && own.kernelFunc !== conv2DBackpropInput) wasmOwn = own.kernelFunc;
  return { kernelName: tf.Conv2DBackpropInput, backendName: 'wasm', setupFunc: own?.setupFunc, kernelFunc: conv2DBackpropInput };
}
