import * as tf from '@tensorflow/tfjs';
import { transformPerImageConfig } from './transform-per-image.ts';

let registered = false;

/**
 * Replaces cpu kernels of tfjs 4.22 that give wrong values for a correct call, so that a
 * correct answer gets the same verdict on every backend the grader offers. Idempotent.
 */
export function registerCpuKernels(): void {
  if (registered) return;
  registered = true;
  const transform = transformPerImageConfig();
  if (transform) {
    tf.unregisterKernel(transform.kernelName, transform.backendName);
    tf.registerKernel(transform);
  }
}
