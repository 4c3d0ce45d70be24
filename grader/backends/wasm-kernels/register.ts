import * as tf from '@tensorflow/tfjs';
import { conv2DBackpropFilterConfig } from './conv2dBackpropFilter.ts';

/** Registers the kernels the project adds to the wasm backend. Idempotent. */
export function registerWasmKernels(): void {
  for (const config of [conv2DBackpropFilterConfig]) {
    // tfjs warns and overwrites on a second registration; skip kernels already there (ours, or wasm's own in a later release).
    if (tf.getKernel(config.kernelName, config.backendName) == null) tf.registerKernel(config);
  }
}
