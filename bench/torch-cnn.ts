/**
 * The PyTorch side of the CNN comparison: runs bench/torch-cnn.py (the reference CNN's
 * architecture, Adam, batch 64, one CPU thread) under Debian's python3.11 with torch
 * (`apt-get install python3-torch`), and returns its samples/s or why it was not measured.
 * Run alone: node bin/run-ts.js bench/torch-cnn.ts [seconds] — prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../grader/paths.ts';

export const TORCH_PYTHON = '/usr/bin/python3.11';

export type TorchThroughput = { samplesPerSec: number; stepMs: number; torch: string } | { error: string };

export function torchCnnThroughput(seconds = 10, batch = 64, python = TORCH_PYTHON): TorchThroughput {
  if (!fs.existsSync(python)) return { error: `not measured: ${python} is not installed (apt-get install python3-torch)` };
  const script = path.join(REPO_ROOT, 'bench', 'torch-cnn.py');
  // OMP/MKL thread counts too, so no library spins up a pool beside the one set_num_threads caps.
  const env = { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const r = spawnSync(python, [script, String(seconds), String(batch)], { encoding: 'utf8', env, timeout: (seconds + 120) * 1000 });
  if (r.error) return { error: `not measured: ${r.error.message}`.slice(0, 200) };
  const stderr = r.stderr ?? '';
  if (/No module named 'torch'/.test(stderr)) return { error: `not measured: ${python} has no torch (apt-get install python3-torch)` };
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(last) as { samplesPerSec?: unknown; stepMs?: unknown; torch?: unknown };
    if (typeof parsed.samplesPerSec !== 'number' || !(parsed.samplesPerSec > 0)) throw new Error('no samplesPerSec');
    return { samplesPerSec: parsed.samplesPerSec, stepMs: Number(parsed.stepMs), torch: String(parsed.torch) };
  } catch {
    const why = stderr.trim().split('\n').pop() ?? `exit ${r.status}`;
    return { error: `not measured: torch-cnn.py failed: ${why}`.slice(0, 200) };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(torchCnnThroughput(Number(process.argv[2] ?? 10))));
}
