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
  return (['gpu', 'node'] as const).find((which) => isInstalled(NATIVE_PACKAGES[which]));
}

/** Whether a package resolves from here, without loading it. */
export function isInstalled(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}
