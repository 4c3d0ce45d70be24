import * as tf from '@tensorflow/tfjs';
import type { GradConfig, KernelConfig, KernelFunc, LeakyReluAttrs, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs';

/**
 * ReLU and leaky-ReLU gradients in one pass on wasm. tfjs computes them as three kernels over
 * the whole activation, mul(dy, cast(step(x))) and where(greater(x, 0), dy, mul(dy, α)): on the
 * reference CNN's first layer ([64, 26, 26, 16]) Step + Multiply took ~1.3 ms of a ~35 ms step.
 * One kernel gives the same values, bit for bit (products of float32 values are exact in double):
 *
 *   ReLU:       dx = dy · s,  s = 1 if x > 0, NaN if x is NaN, else 0   (0·∞ = NaN as before)
 *   leaky ReLU: dx = x > 0 ? dy : dy · α   (α rounded to float32 first, as tf.mul's scalar is)
 *
 * The gradients of Relu and LeakyRelu are re-registered for every backend, and take the fused
 * kernel only on wasm, for float32, and when no outer gradient is recording (a gradient of a
 * gradient needs the tfjs ops, which have gradients themselves); otherwise they run tfjs's
 * own gradient function, kept from before the override.
 */
export const RELU_GRAD = 'GraderReluGrad';
export const LEAKY_RELU_GRAD = 'GraderLeakyReluGrad';

interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

const reluGrad: KernelFunc = ({ inputs, backend }) => {
  const { dy, x } = inputs as { dy: TensorInfo; x: TensorInfo };
  const wasm = backend as unknown as WasmBackendLike;
  // The output first: allocating it may grow the wasm memory, which detaches every view taken before.
  const out = wasm.makeOutput(x.shape, 'float32');
  const g = wasm.typedArrayFromHeap(dy);
  const xs = wasm.typedArrayFromHeap(x);
  const o = wasm.typedArrayFromHeap(out);
  for (let i = 0; i < o.length; i++) {
    const v = xs[i]!;
    o[i] = g[i]! * (v > 0 ? 1 : v !== v ? Number.NaN : 0);
  }
  return out;
};

const leakyReluGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, x } = inputs as { dy: TensorInfo; x: TensorInfo };
  const alpha = Math.fround((attrs as unknown as LeakyReluAttrs).alpha);
  const wasm = backend as unknown as WasmBackendLike;
  const out = wasm.makeOutput(x.shape, 'float32');
  const g = wasm.typedArrayFromHeap(dy);
  const xs = wasm.typedArrayFromHeap(x);
  const o = wasm.typedArrayFromHeap(out);
  for (let i = 0; i < o.length; i++) o[i] = xs[i]! > 0 ? g[i]! : g[i]! * alpha;
  return out;
};

export const reluGradKernelConfigs: KernelConfig[] = [
  { kernelName: RELU_GRAD, backendName: 'wasm', kernelFunc: reluGrad },
  { kernelName: LEAKY_RELU_GRAD, backendName: 'wasm', kernelFunc: leakyReluGrad },
];

/** Whether the fused kernel may stand in: wasm, float32, same shapes, no outer tape recording. */
function fusable(dy: Tensor, x: Tensor): boolean {
  const engine = tf.engine() as unknown as { backendName: string; state: { gradientDepth: number } };
  return engine.backendName === 'wasm' && engine.state.gradientDepth === 0 && dy.dtype === 'float32' && x.dtype === 'float32'
    && dy.shape.length === x.shape.length && dy.shape.every((d, i) => d === x.shape[i]);
}

/** The Relu and LeakyRelu gradients, wrapping tfjs's own (call once, after tfjs registered them). */
export function reluGradConfigs(): GradConfig[] {
  const out: GradConfig[] = [];
  const relu = tf.getGradient(tf.Relu);
  if (relu?.gradFunc) {
    const own = relu.gradFunc;
    out.push({
      ...relu,
      gradFunc: (dy, saved, attrs) => {
        const [x] = saved;
        if (!(dy instanceof tf.Tensor) || !fusable(dy, x!)) return own(dy, saved, attrs);
        return { x: () => tf.engine().runKernel(RELU_GRAD, { dy, x: x! }) as Tensor };
      },
    });
  }
  const leaky = tf.getGradient(tf.LeakyRelu);
  if (leaky?.gradFunc) {
    const own = leaky.gradFunc;
    out.push({
      ...leaky,
      gradFunc: (dy, saved, attrs) => {
        const [x] = saved;
        if (!(dy instanceof tf.Tensor) || !fusable(dy, x!)) return own(dy, saved, attrs);
        return { x: () => tf.engine().runKernel(LEAKY_RELU_GRAD, { dy, x: x! }, { alpha: (attrs as unknown as LeakyReluAttrs).alpha } as unknown as NamedAttrMap) as Tensor };
      },
    });
  }
  return out;
}
