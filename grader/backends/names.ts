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
