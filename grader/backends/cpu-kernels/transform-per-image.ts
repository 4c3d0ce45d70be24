import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/**
 * tfjs 4.22's cpu `Transform` (tf.image.transform) returns from inside its loop over the batch:
 * only image 0 is transformed and every other image comes back as the fill value. A student
 * who rotates a whole batch with tf.image.transform is right on wasm and wrong on
 * `--backend cpu`. This wrapper hands cpu's own kernel one image at a time (with that image's
 * transform row) and stacks the results, so the kernel's arithmetic is unchanged:
 *
 *   image [B, H, W, C], transforms [1 | B, 8] → out [B, H′, W′, C], out[b] = cpu(image[b], t[b])
 */
interface CpuBackendLike {
  data: { get(dataId: object): { values: ArrayLike<number> } };
  makeTensorInfo(shape: number[], dtype: TensorInfo['dtype'], values: ArrayLike<number>): TensorInfo;
  disposeIntermediateTensorInfo(t: TensorInfo): void;
}

function perImage(original: KernelFunc): KernelFunc {
  return (args) => {
    const { image, transforms } = args.inputs as { image: TensorInfo; transforms: TensorInfo };
    const batch = image.shape[0]!;
    if (batch <= 1) return original(args);
    const cpu = args.backend as unknown as CpuBackendLike;
    const imageVals = cpu.data.get(image.dataId).values as Float32Array; // [B·H·W·C]
    const transformVals = cpu.data.get(transforms.dataId).values as Float32Array; // [1 | B, 8]
    const perIn = imageVals.length / batch;
    const pieces: ArrayLike<number>[] = [];
    let outShape: number[] = [];
    for (let b = 0; b < batch; b++) {
      const one = cpu.makeTensorInfo([1, ...image.shape.slice(1)], image.dtype, imageVals.subarray(b * perIn, (b + 1) * perIn));
      const row = transforms.shape[0] === 1 ? 0 : b;
      const t = cpu.makeTensorInfo([1, 8], transforms.dtype, transformVals.subarray(row * 8, row * 8 + 8));
      const out = original({ ...args, inputs: { image: one, transforms: t } }) as TensorInfo;
      outShape = out.shape;
      pieces.push(Float32Array.from(cpu.data.get(out.dataId).values));
      for (const x of [one, t, out]) cpu.disposeIntermediateTensorInfo(x);
    }
    const perOut = pieces[0]!.length;
    const values = new Float32Array(perOut * batch);
    pieces.forEach((p, b) => values.set(p, b * perOut));
    return cpu.makeTensorInfo([batch, ...outShape.slice(1)], image.dtype, values);
  };
}

/** The per-image Transform for the cpu backend, or null when cpu has no Transform to wrap. */
export function transformPerImageConfig(): KernelConfig | null {
  const original = tf.getKernel('Transform', 'cpu');
  if (!original) return null;
  return { kernelName: 'Transform', backendName: 'cpu', kernelFunc: perImage(original.kernelFunc as KernelFunc) };
}
