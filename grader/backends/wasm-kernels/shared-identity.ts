import * as tf from '@tensorflow/tfjs';
import type { CastAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/**
 * wasm's Identity (tfjs 4.22) copies its input into a new buffer, and its Cast copies even when
 * the dtype does not change. The engine clones every tensor a gradient saves (an Identity per
 * saved input or output of every op on the tape) and the ReLU gradient casts float32 to
 * float32, so one training step of the reference CNN copied ~40 activation tensors (~1.6 ms
 * of ~35). Like the cpu backend's kernels and wasm's own Reshape, these share the input's
 * buffer and count one more reference to it: no kernel of the backend (nor of this project)
 * writes into an input, so a shared buffer is never changed under a tensor's feet, and the
 * memory is freed when the last tensor on it is disposed.
 *
 * Strings, and Casts that change the dtype, go to wasm's own kernels.
 */
function shared(backend: tf.KernelBackend, x: TensorInfo): TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

function sharedIdentity(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    return x.dtype === 'string' ? original(args) : shared(args.backend as tf.KernelBackend, x);
  };
}

function sharedCast(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { dtype } = args.attrs as unknown as CastAttrs;
    return dtype === x.dtype && x.dtype !== 'string' ? shared(args.backend as tf.KernelBackend, x) : original(args);
  };
}

/** Wraps wasm's own Identity and Cast (call after the wasm backend is registered). */
export function sharedIdentityConfigs(): KernelConfig[] {
  const out: KernelConfig[] = [];
  const identity = tf.getKernel(tf.Identity, 'wasm');
  if (identity) out.push({ ...identity, kernelFunc: sharedIdentity(identity.kernelFunc) });
  const cast = tf.getKernel(tf.Cast, 'wasm');
  if (cast) out.push({ ...cast, kernelFunc: sharedCast(cast.kernelFunc) });
  return out;
}
