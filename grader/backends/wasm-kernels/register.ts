/** Registers the kernels the project adds to the wasm backend. Idempotent. */
export function registerWasmKernels(): void {
  // Filled in by the Conv2DBackpropFilter kernel module.
}
