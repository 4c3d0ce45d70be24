import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { backend_util, DataType } from '@tensorflow/tfjs';

/**
 * Kernels the wasm backend of tfjs 4.22 lacks but the cpu backend has, found by the parity
 * sweep (grader/backends/parity/): without them tf.depthwiseConv2d (and
 * tf.layers.depthwiseConv2d / separableConv2d) has no gradient on wasm, and tf.einsum does not
 * even run there, while both work on cpu. Each runs the cpu backend's own kernel on copies of
 * its inputs and copies the outputs back onto the wasm heap: slow (two copies), but exactly
 * cpu's result, and only for these rarely used kernels.
 */
export const CPU_FALLBACK_KERNELS = ['DepthwiseConv2dNativeBackpropInput', 'DepthwiseConv2dNativeBackpropFilter', 'Einsum'] as const;

interface DataBackend {
  write(values: backend_util.BackendValues, shape: number[], dtype: DataType): object;
  readSync(dataId: object): backend_util.BackendValues;
  disposeData(dataId: object, force?: boolean): boolean;
}
interface WasmBackendLike extends DataBackend {
  makeOutput(shape: number[], dtype: DataType, memoryOffset?: number, values?: backend_util.BackendValues): TensorInfo;
}

/** Runs the cpu backend's kernel `name` on copies of the inputs, the outputs copied back onto the wasm heap. */
export function viaCpu(name: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const cpuKernel = tf.getKernel(name, 'cpu');
    const cpu = tf.engine().findBackend('cpu') as unknown as DataBackend | null;
    if (!cpuKernel || !cpu) throw new Error(`wasm ${name}: the cpu backend's kernel it falls back to is not available`);
    const wasm = backend as unknown as WasmBackendLike;
    const copies: TensorInfo[] = [];
    const on = (t: TensorInfo): TensorInfo => {
      const copy = { dataId: cpu.write(wasm.readSync(t.dataId), t.shape, t.dtype), shape: t.shape, dtype: t.dtype } as TensorInfo;
      copies.push(copy);
      return copy;
    };
    // Inputs are a record for most kernels, an array for variadic ones (Einsum's operands).
    const cpuInputs = Array.isArray(inputs)
      ? (inputs as TensorInfo[]).map(on)
      : Object.fromEntries(Object.entries(inputs as Record<string, TensorInfo | undefined>).filter(([, t]) => t != null).map(([k, t]) => [k, on(t!)])); // optional inputs (a fused op's bias) may be absent
    let result: TensorInfo | TensorInfo[] | undefined;
    try {
      result = cpuKernel.kernelFunc({ inputs: cpuInputs as tf.NamedTensorInfoMap, backend: cpu as unknown as tf.KernelBackend, attrs }) as TensorInfo | TensorInfo[];
      const outs = Array.isArray(result) ? result : [result];
      const back = outs.map((o) => wasm.makeOutput(o.shape, o.dtype, undefined, cpu.readSync(o.dataId)));
      return Array.isArray(result) ? back : back[0]!;
    } finally {
      for (const t of [...copies, ...(result === undefined ? [] : Array.isArray(result) ? result : [result])]) cpu.disposeData(t.dataId, true);
    }
  };
}

export function cpuFallbackConfigs(): KernelConfig[] {
  return CPU_FALLBACK_KERNELS.filter((name) => tf.getKernel(name, 'cpu') != null).map((name) => ({ kernelName: name, backendName: 'wasm', kernelFunc: viaCpu(name) }));
}
