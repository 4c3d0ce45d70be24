import * as tf from '@tensorflow/tfjs';
import type { GradConfig, KernelConfig, KernelFunc, LeakyReluAttrs, NamedAttrMap, Tensor, TensorInfo } from '@tensorflow/tfjs';

/**
 * The leaky-ReLU gradient in one pass on wasm. tfjs computes it as where(greater(x, 0), dy,
 * mul(dy, α)): three kernels and a bool tensor over the whole activation (the gan exercise's
 * discriminators). One kernel gives the same values, bit for bit (a product of two float32
 * values is exact in double, so rounding it once to float32 is what tf.mul does):
 *
 *   dx = dy · (α + (1 − α)·[x > 0])   (the factor is exactly 1 or α; α rounded to float32 first)
 *
 * The ReLU gradient is left to tfjs (mul(dy, step(x))): measured (min of 40 calls,
 * [64, 26, 26, 16], machine shared), wasm's SIMD Step and Multiply took 0.68 ms together and
 * the best JS loop 0.95 ms — JS loops win only where they replace copies or repacking.
 * The kernel is registered under its own name; LeakyRelu's gradient is re-registered for every
 * backend and takes it only on wasm, for float32, and when no outer gradient is recording (a
 * gradient of a gradient needs tfjs's ops, which have gradients themselves); otherwise it runs
 * tfjs's own gradient function, kept from before the override.
 */
export const LEAKY_RELU_GRAD = 'GraderLeakyReluGrad';

interface WasmBackendLike {
  typedArrayFromHeap(t: TensorInfo): Float32Array;
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

const leakyReluGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, x } = inputs as { dy: TensorInfo; x: TensorInfo };
  const alpha = Math.fround((attrs as unknown as LeakyReluAttrs).alpha);
  const wasm = backend as unknown as WasmBackendLike;
  const out = wasm.makeOutput(x.shape, 'float32');
  const g = wasm.typedArrayFromHeap(dy);
  const xs = wasm.typedArrayFromHeap(x);
  const o = wasm.typedArrayFromHeap(out);
  // No branch on the sign (random signs mispredict half the time; a ternary here was ~3× slower):
  // the comparison as 0 or 1 through `| 0`.
  const rest = 1 - alpha;
  for (let i = 0, n = o.length; i < n; i++) o[i] = g[i]! * (alpha + rest * (((xs[i]! > 0) as unknown as number) | 0));
  return out;
};

export const leakyReluGradKernelConfig: KernelConfig = { kernelName: LEAKY_RELU_GRAD, backendName: 'wasm', kernelFunc: leakyReluGrad };

/** Whether the fused kernel may stand in: wasm, float32, same shapes, no outer tape recording. */
function fusable(dy: Tensor, x: Tensor): boolean {
  const engine = tf.engine() as unknown as { backendName: string; state: { gradientDepth: number } };
  return engine.backendName === 'wasm' && engine.state.gradientDepth === 0 && dy.dtype === 'float32' && x.dtype === 'float32'
    && dy.shape.length === x.shape.length && dy.shape.every((d, i) => d === x.shape[i]);
}

/** The LeakyRelu gradient, wrapping tfjs's own (call once, after tfjs registered it). */
export function leakyReluGradConfig(): GradConfig | null {
  const leaky = tf.getGradient(tf.LeakyRelu);
  if (!leaky?.gradFunc) return null;
  const own = leaky.gradFunc;
  return {
    ...leaky,
    gradFunc: (dy, saved, attrs) => {
      const [x] = saved;
      if (!(dy instanceof tf.Tensor) || !fusable(dy, x!)) return own(dy, saved, attrs);
      return { x: () => tf.engine().runKernel(LEAKY_RELU_GRAD, { dy, x: x! }, { alpha: (attrs as unknown as LeakyReluAttrs).alpha } as unknown as NamedAttrMap) as Tensor };
    },
  };
}
