import { createRequire } from 'node:module';

/** What `--backend` accepts. `auto` picks the fastest that loads. */
export const BACKEND_CHOICES = ['auto', 'gpu', 'node', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
/** The backends that can actually run: `auto` resolves to one of these. */
export type BackendName = Exclude<BackendChoice, 'auto'>;

export const NATIVE_PACKAGES = {
  gpu: '@tensorflow/tfjs-node-gpu',
  node: '@tensorflow/tfjs-node',
} as const;

export function isBackendChoice(s: string): s is BackendChoice {
  return (BACKEND_CHOICES as readonly string[]).includes(s);
}

/**
 * The native package `auto` would load, found without loading anything (the GPU one first).
 * The student sandbox decides its confinement before tfjs starts, so `auto` is resolved here.
 */
export function installedNativeBackend(): 'gpu' | 'node' | undefined {
  const require = createRequire(import.meta.url);
  for (const which of ['gpu', 'node'] as const) {
    try {
      require.resolve(NATIVE_PACKAGES[which]);
      return which;
    } catch {
      // not installed
    }
  }
  return undefined;
}
