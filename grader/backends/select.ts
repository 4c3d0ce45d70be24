import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { isInstalled, NATIVE_PACKAGES, type BackendChoice, type BackendName } from './names.ts';
import { registerCpuKernels } from './cpu-kernels/register.ts';
import { registerWasmKernels } from './wasm-kernels/register.ts';

const require = createRequire(import.meta.url);

/** One line of `grade doctor`: did a backend load, and why (not). */
export interface BackendProbe {
  name: BackendName;
  loaded: boolean;
  detail: string;
}

export interface BackendSelection {
  name: BackendName;
  /** The tfjs backend name as registered ('tensorflow', 'wasm', 'cpu'). */
  tfName: string;
  reason: string;
  probes: BackendProbe[];
}

function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0]!.slice(0, 200);
}

/** Loads a native package (it registers the 'tensorflow' backend) and says whether a GPU is used. */
async function loadNative(which: 'gpu' | 'node'): Promise<BackendProbe> {
  const pkg = NATIVE_PACKAGES[which];
  if (!isInstalled(pkg)) {
    return { name: which, loaded: false, detail: `${pkg}: not installed — its install downloads libtensorflow, which needs network access beyond the npm registry` };
  }
  try {
    require(pkg);
    await tf.setBackend('tensorflow');
    await tf.ready();
    const backend = tf.backend() as unknown as { isUsingGpuDevice?: boolean };
    const gpu = backend.isUsingGpuDevice === true;
    if (which === 'gpu' && !gpu) {
      return { name: which, loaded: true, detail: `${pkg}: loaded, but libtensorflow sees no CUDA GPU (it runs on the CPU)` };
    }
    return { name: which, loaded: true, detail: `${pkg}: loaded${gpu ? ' with a CUDA GPU' : ''}` };
  } catch (e) {
    return { name: which, loaded: false, detail: `${pkg}: installed but failed to load: ${errorText(e)}` };
  }
}

async function loadWasm(): Promise<BackendProbe> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    registerWasmKernels();
    const ok = await tf.setBackend('wasm');
    if (!ok) throw new Error('tf.setBackend("wasm") returned false');
    await tf.ready();
    const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
    return { name: 'wasm', loaded: true, detail: `@tensorflow/tfjs-backend-wasm: loaded (XNNPACK, SIMD ${simd ? 'on' : 'off'}, project kernels registered)` };
  } catch (e) {
    return { name: 'wasm', loaded: false, detail: `@tensorflow/tfjs-backend-wasm: failed to load: ${errorText(e)}` };
  }
}

async function loadCpu(): Promise<BackendProbe> {
  registerCpuKernels();
  await tf.setBackend('cpu');
  await tf.ready();
  return { name: 'cpu', loaded: true, detail: '@tensorflow/tfjs cpu: pure JavaScript, always available, the slowest' };
}

const LOADERS: Record<BackendName, () => Promise<BackendProbe>> = {
  gpu: () => loadNative('gpu'),
  node: () => loadNative('node'),
  wasm: loadWasm,
  cpu: loadCpu,
};

const TF_NAMES: Record<BackendName, string> = { gpu: 'tensorflow', node: 'tensorflow', wasm: 'wasm', cpu: 'cpu' };

/**
 * Makes `choice` the active tfjs backend of this process. `auto` tries tfjs-node-gpu (only
 * if it sees a GPU), then tfjs-node, then wasm, then cpu. An explicit choice that does not
 * load is an error that says why, never a silent fallback.
 */
export async function selectBackend(choice: BackendChoice): Promise<BackendSelection> {
  tf.env().set('IS_TEST', false);
  if (choice !== 'auto') {
    const probe = await LOADERS[choice]();
    if (!probe.loaded) throw new BackendUnavailable(choice, probe.detail);
    return { name: choice, tfName: TF_NAMES[choice], reason: `asked for with --backend ${choice}`, probes: [probe] };
  }
  const probes: BackendProbe[] = [];
  const gpu = await LOADERS.gpu();
  probes.push(gpu);
  if (gpu.loaded && gpu.detail.includes('with a CUDA GPU')) {
    return { name: 'gpu', tfName: 'tensorflow', reason: 'tfjs-node-gpu loaded and sees a GPU', probes };
  }
  if (gpu.loaded) {
    // libtensorflow is already in this process; a second native addon cannot load beside it.
    return { name: 'gpu', tfName: 'tensorflow', reason: 'tfjs-node-gpu loaded without a GPU: libtensorflow on the CPU, still faster than wasm', probes };
  }
  const node = await LOADERS.node();
  probes.push(node);
  if (node.loaded) return { name: 'node', tfName: 'tensorflow', reason: 'no GPU backend; tfjs-node (libtensorflow on the CPU) loaded', probes };
  const wasm = await LOADERS.wasm();
  probes.push(wasm);
  if (wasm.loaded) return { name: 'wasm', tfName: 'wasm', reason: 'no native backend installed; wasm is the fastest that loads', probes };
  probes.push(await LOADERS.cpu());
  return { name: 'cpu', tfName: 'cpu', reason: 'no other backend loads; the pure-JS cpu backend always does', probes };
}

export class BackendUnavailable extends Error {
  constructor(readonly backend: BackendName, readonly detail: string) {
    super(`backend '${backend}' is not available: ${detail}. Run \`grade doctor\` to see which backends load.`);
    this.name = 'BackendUnavailable';
  }
}
