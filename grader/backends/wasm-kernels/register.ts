import * as tf from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import { conv2DBackpropFilterConfig } from './conv2dBackpropFilter.ts';
import { untransposedMatMulConfigs } from './matmul-untransposed.ts';
import { unsortedSegmentSumConfig } from './unsorted-segment-sum.ts';
import { maxPoolGradConfig } from './max-pool-grad.ts';
import { conv2DBackpropInputConfig } from './conv2dBackpropInput.ts';
import { sumLeadingAxesConfig } from './sum-leading-axes.ts';
import { emptyReductionConfigs } from './empty-reductions.ts';
import { cpuFallbackConfigs } from './cpu-fallback.ts';
import { sharedIdentityConfigs } from './shared-identity.ts';
import { concatSplitConfigs } from './concat-split.ts';
import { gatherRowsConfig } from './gather-rows.ts';
import { avgPoolGradConfig } from './avg-pool-grad.ts';
import { leakyReluGradConfig, leakyReluGradKernelConfig } from './leaky-relu-grad.ts';

let registered = false;

/** Registers the kernels the project adds to (or replaces in) the wasm backend. Idempotent. */
export function registerWasmKernels(): void {
  if (registered) return;
  registered = true;
  // tfjs warns and overwrites on a second registration; skip kernels already there (wasm's own in a later release).
  for (const config of [conv2DBackpropFilterConfig, unsortedSegmentSumConfig, ...cpuFallbackConfigs()]) {
    if (tf.getKernel(config.kernelName, 'wasm') == null) tf.registerKernel(config);
  }
  // Replaces wasm's own MaxPoolGrad, which drops gradients of windows whose maximum is ≤ 0,
  // its Conv2DBackpropInput, a plain loop, with a forward conv on XNNPACK, and wraps its Sum
  // (sums over leading axes, the conv bias gradient, skip its transpose); Identity and a Cast
  // to the same dtype share the input's buffer instead of copying it.
  // Concat, SplitV, GatherV2 and tiled AvgPoolGrad copy whole blocks in one pass.
  const sum = sumLeadingAxesConfig();
  const wrapped = [sum, gatherRowsConfig(), avgPoolGradConfig()].filter((c): c is KernelConfig => c != null);
  for (const config of [...untransposedMatMulConfigs(), maxPoolGradConfig, conv2DBackpropInputConfig(), ...wrapped, ...sharedIdentityConfigs(), ...concatSplitConfigs()]) {
    tf.unregisterKernel(config.kernelName, config.backendName);
    tf.registerKernel(config);
  }
  // The leaky-ReLU gradient in one pass on wasm (its gradient wraps tfjs's own, which every
  // other backend, and a gradient of a gradient, still runs).
  if (tf.getKernel(leakyReluGradKernelConfig.kernelName, 'wasm') == null) tf.registerKernel(leakyReluGradKernelConfig);
  const leaky = leakyReluGradConfig();
  if (leaky) tf.registerGradient(leaky);
  // Last, as they wrap whatever Sum is now: reductions of an empty input give cpu's values, not the heap's leftovers.
  for (const config of emptyReductionConfigs()) {
    tf.unregisterKernel(config.kernelName, config.backendName);
    tf.registerKernel(config);
  }
}
