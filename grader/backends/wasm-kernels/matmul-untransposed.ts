import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { viaCpu } from './cpu-fallback.ts';

/**
 * wasm's BatchMatMul and _FusedMatMul take a slow path when asked to transpose an operand:
 * measured here, [64,784]ᵀ·[64,256] takes ~44 ms with transposeA against ~4 ms for an
 * explicit Transpose followed by a plain product. Every dense layer's weight gradient
 * (xᵀ·dy) and input gradient (dy·Wᵀ) asks for exactly that, so training an MLP on wasm was
 * dominated by it. These wrappers transpose the operand explicitly and call wasm's own
 * kernel with both flags off.
 */
function swapLastTwo(t: TensorInfo): TensorInfo {
  const r = t.shape.length;
  const perm = [...Array(r - 2).keys(), r - 1, r - 2];
  return tf.engine().runKernel(tf.Transpose, { x: t } as unknown as tf.NamedTensorMap, { perm }) as unknown as TensorInfo;
}

/**
 * With an empty inner dimension (a [M, 0] · [0, N] product) wasm's kernel leaves its output as
 * the heap left it (e.g. 0.938 where cpu says 0): those go to the cpu backend's kernel (zeros,
 * plus the bias and activation for _FusedMatMul), a copy of nothing worth mentioning.
 */
function innerSize(args: Parameters<KernelFunc>[0]): number {
  const { a } = args.inputs as { a: TensorInfo };
  const { transposeA } = args.attrs as { transposeA?: boolean };
  return a.shape[a.shape.length - (transposeA ? 2 : 1)]!;
}

function untransposed(original: KernelFunc, name: string): KernelFunc {
  const onCpu = viaCpu(name);
  return (args) => {
    if (innerSize(args) === 0) return onCpu(args);
    const attrs = args.attrs as { transposeA?: boolean; transposeB?: boolean };
    if (!attrs.transposeA && !attrs.transposeB) return original(args);
    const inputs = { ...(args.inputs as Record<string, TensorInfo>) };
    const temporaries: TensorInfo[] = [];
    if (attrs.transposeA) temporaries.push((inputs.a = swapLastTwo(inputs.a!)));
    if (attrs.transposeB) temporaries.push((inputs.b = swapLastTwo(inputs.b!)));
    try {
      return original({ ...args, inputs, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    } finally {
      tf.dispose(temporaries as unknown as tf.Tensor[]);
    }
  };
}

/** Wraps wasm's own matMul kernels (call after the wasm backend is registered). */
export function untransposedMatMulConfigs(): KernelConfig[] {
  const out: KernelConfig[] = [];
  for (const name of [tf.BatchMatMul, tf._FusedMatMul]) {
    const original = tf.getKernel(name, 'wasm');
    if (!original) continue;
    out.push({ ...original, kernelFunc: untransposed(original.kernelFunc, name) });
  }
  return out;
}
