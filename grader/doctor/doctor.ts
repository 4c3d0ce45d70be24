import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { NATIVE_PACKAGES, type BackendChoice, type BackendName } from '../backends/names.ts';
import { confinementOf } from '../sandbox/launch.ts';

const require = createRequire(import.meta.url);

function version(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

const PROBE = fileURLToPath(new URL('./probe.ts', import.meta.url));
const TSX_LOADER = import.meta.resolve('tsx/esm');

interface ProbeOut {
  probes: { name: BackendName; loaded: boolean; detail: string }[];
  chosen?: { name: BackendName; reason: string };
  error?: string;
}

/** Runs backend selection in a fresh process (native addons cannot be unloaded once tried). */
function probe(choice: BackendChoice | BackendName): ProbeOut {
  try {
    const out = execFileSync(process.execPath, ['--import', TSX_LOADER, '--no-warnings', PROBE, choice], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    const last = out.trim().split('\n').pop()!;
    return JSON.parse(last) as ProbeOut;
  } catch (e) {
    return { probes: [], error: (e as Error).message.split('\n')[0] };
  }
}

/** `grade doctor`: versions, which backends load, which one `--backend` picks and why. */
export function doctorReport(choice: BackendChoice): string {
  const lines: string[] = [];
  lines.push(`node ${process.versions.node} (${process.platform}-${process.arch})`);
  for (const pkg of ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', NATIVE_PACKAGES.node, NATIVE_PACKAGES.gpu]) {
    lines.push(`${pkg}: ${version(pkg)}`);
  }
  lines.push('', 'Backends:');
  for (const name of ['gpu', 'node', 'wasm', 'cpu'] as const) {
    const p = probe(name);
    const line = p.probes[0];
    if (line) lines.push(`  ${line.loaded ? '✓' : '✗'} ${name.padEnd(5)} ${line.detail}`);
    else lines.push(`  ✗ ${name.padEnd(5)} ${p.error ?? 'probe failed'}`);
  }
  const chosen = probe(choice);
  lines.push('');
  if (chosen.chosen) {
    lines.push(`--backend ${choice} → ${chosen.chosen.name}: ${chosen.chosen.reason}`);
    lines.push(`student sandbox: ${confinementOf(chosen.chosen.name).summary}`);
  }
  else lines.push(`--backend ${choice} → unavailable: ${chosen.error ?? 'unknown error'}`);
  return lines.join('\n');
}
