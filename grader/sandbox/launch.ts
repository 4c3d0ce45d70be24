/**
 * How a student sandbox process is started: the command line that confines it.
 *
 *   [setpriv --pdeathsig KILL]                     (worker.ts: dies with the grader)
 *   [unshare --user --map-current-user --net --pid --fork --kill-child]   (where the host allows)
 *   /bin/sh -c 'ulimit -d <cap> -f <file> && exec "$@"'   (memory cap, wasm included; largest file)
 *   node --max-old-space-size=<¾ cap> --experimental-permission
 *        --allow-fs-read=<path> … --allow-fs-write=<scratch>
 *        <bundled child> <backend> student
 *
 * - Permission model (wasm/cpu/auto): reads only node_modules (minus the data-set packages),
 *   the bundled sandbox runtime and its own scratch folder; writes only the scratch folder;
 *   no child processes, workers, WASI, inspector, native addons or process.binding.
 * - Memory: RLIMIT_DATA counts every private writable mapping, so it caps the JS heap, typed
 *   arrays and the wasm heap alike (RLIMIT_AS would stop wasm from reserving its guard region).
 * - Namespaces: an empty network namespace (no interface is up, so no TCP/UDP/DNS, not even to
 *   127.0.0.1) and a pid namespace (the process is pid 1 and its parent pid is 0: no other
 *   process can even be named). Unavailable on hosts without unprivileged user namespaces; the
 *   in-process lockdown (lockdown.ts) then denies signals and sockets on its own.
 * - Process group: started detached, so the process and whatever it is made of are one group
 *   the parent kills at once, and a signal to its own group cannot reach the grader.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackendChoice } from '../backends/names.ts';
import { repoPath } from '../paths.ts';
import { RUNTIME_DIR } from './runtime.ts';

/** Packages that hold data sets (labels included): never readable from the sandbox. */
const DATA_PACKAGES = new Set(['mnist']);
export const DEFAULT_MEMORY_CAP_MB = 4096;
/** The largest file the sandbox may write (its scratch folder as a whole: monitor.ts). */
export const FILE_LIMIT_MB = 64;

/** The memory cap in MB: GRADER_MEMORY_CAP_MB, or the default. */
export function memoryCapMb(): number {
  const v = Number(process.env.GRADER_MEMORY_CAP_MB);
  return Number.isFinite(v) && v >= 256 ? Math.floor(v) : DEFAULT_MEMORY_CAP_MB;
}

const namespaces = new Map<string, boolean>();
const UNSHARE = ['--user', '--map-current-user', '--net', '--pid', '--fork', '--kill-child=SIGKILL'];

/** Whether `unshare` can give the sandbox its own user, network and pid namespaces here. */
export function namespacesAvailable(): boolean {
  if (process.env.GRADER_NO_NAMESPACES === '1' || process.platform !== 'linux') return false;
  let ok = namespaces.get('unshare');
  if (ok === undefined) {
    const r = spawnSync('unshare', [...UNSHARE, 'true'], { stdio: 'ignore', timeout: 5000 });
    ok = r.status === 0;
    namespaces.set('unshare', ok);
  }
  return ok;
}

function readableNodeModules(): string[] {
  const dir = repoPath('node_modules');
  const out: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('.') || DATA_PACKAGES.has(name)) continue;
    out.push(path.join(dir, name));
  }
  return out;
}

export interface Confinement {
  /** One line for results and `grade doctor`. */
  summary: string;
  permissionModel: boolean;
  namespaces: boolean;
  memoryCapMb: number;
}

export function confinementOf(backend: BackendChoice): Confinement {
  const native = backend === 'node' || backend === 'gpu';
  const ns = namespacesAvailable();
  const cap = memoryCapMb();
  const parts = [
    native
      ? 'native tfjs backend: no file-system confinement (Node 20\'s permission model cannot load native addons), isolated by process only'
      : 'file system confined by the Node permission model',
    ns ? 'own network and pid namespaces' : 'sockets and signals denied in-process (no user namespaces on this host)',
    `memory cap ${cap} MB`,
  ];
  return { summary: parts.join('; '), permissionModel: !native, namespaces: ns, memoryCapMb: cap };
}

export interface LaunchPlan {
  command: string;
  args: string[];
  scratch: string;
  env: NodeJS.ProcessEnv;
  confinement: Confinement;
}

/** The command that starts a student sandbox running `entry`. */
export function studentLaunch(entry: string, backend: BackendChoice, env: NodeJS.ProcessEnv): LaunchPlan {
  const confinement = confinementOf(backend);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'grader-scratch-'));
  const cap = confinement.memoryCapMb;
  const nodeArgs = [`--max-old-space-size=${Math.floor((cap * 3) / 4)}`, '--no-warnings'];
  if (confinement.permissionModel) {
    const read = [...readableNodeModules(), RUNTIME_DIR, scratch];
    // Node 20.20 takes one path per flag (a comma-separated list is no longer accepted).
    nodeArgs.push('--experimental-permission', ...read.map((p) => `--allow-fs-read=${p}`), `--allow-fs-write=${scratch}`);
  }
  nodeArgs.push(entry, backend, 'student');
  let command = process.execPath;
  let args = nodeArgs;
  if (process.platform === 'linux' && fs.existsSync('/bin/sh')) {
    // RLIMIT_FSIZE in 512-byte blocks (POSIX sh): one file past it ends the process with SIGXFSZ.
    args = ['-c', 'ulimit -d "$0" && ulimit -f "$1" && shift && exec "$@"', String(cap * 1024), String(FILE_LIMIT_MB * 2048), command, ...args];
    command = '/bin/sh';
  }
  if (confinement.namespaces) {
    args = [...UNSHARE, '--', command, ...args];
    command = 'unshare';
  }
  // A minimal environment: nothing of the grader's (tokens, NODE_OPTIONS, paths) leaks in.
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: scratch, TMPDIR: scratch, LANG: 'C.UTF-8', ...env };
  return { command, args, scratch, env: childEnv, confinement };
}
