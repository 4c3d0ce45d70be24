import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { BackendChoice, BackendName } from '../backends/names.ts';
import type { ChildMessage, ErrorInfo, ParentMessage, RunReport } from './protocol.ts';

const CHILD_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.ts');
const TSX_LOADER = import.meta.resolve('tsx/esm');
const STARTUP_TIMEOUT_MS = 60_000;
/** How much of the implementation's console output is kept. */
const CONSOLE_LIMIT = 4_000;

export type RunOutcome =
  | { status: 'ok'; report: RunReport }
  | { status: 'failed'; error: ErrorInfo }
  | { status: 'timeout'; seconds: number }
  | { status: 'crashed'; detail: string };

/**
 * The parent's handle on one sandbox process. A request that times out or crashes the process
 * kills it; the next request starts a fresh one (and re-sends the loaded implementation).
 */
export class SandboxWorker {
  private child: ChildProcess | undefined;
  private ready: Promise<{ backend: BackendName; reason: string }> | undefined;
  private loadMessage: ParentMessage | undefined;
  private loaded: Promise<ChildMessage> | undefined;
  private nextId = 1;
  private pending = new Map<number, (m: ChildMessage) => void>();
  private waiters: ((m: ChildMessage) => void)[] = [];
  private exitListeners: ((detail: string) => void)[] = [];
  private consoleText = '';
  private consoleTruncated = false;
  /** The highest peak memory any of this worker's processes reported, in MB. */
  peakRssMb = 0;

  constructor(readonly backend: BackendChoice, readonly role: 'student' | 'trusted') {}

  /** The backend the child actually runs on (auto resolved). */
  start(): Promise<{ backend: BackendName; reason: string }> {
    if (this.ready) return this.ready;
    const child = fork(CHILD_ENTRY, [this.backend], {
      execArgv: ['--import', TSX_LOADER, '--no-warnings'],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
    });
    this.child = child;
    // Listeners belong to this child: a killed child's late exit must not touch its successor.
    const listeners: ((detail: string) => void)[] = [];
    const waiters: ((m: ChildMessage) => void)[] = [];
    this.exitListeners = listeners;
    this.waiters = waiters;
    const capture = (chunk: Buffer): void => {
      if (this.consoleText.length < CONSOLE_LIMIT) this.consoleText += chunk.toString('utf8');
      else this.consoleTruncated = true;
    };
    child.stdout!.on('data', capture);
    child.stderr!.on('data', capture);
    child.on('message', (m: ChildMessage) => {
      if ((m.type === 'result' || m.type === 'run-failed') && this.pending.has(m.id)) {
        const resolve = this.pending.get(m.id)!;
        this.pending.delete(m.id);
        resolve(m);
      } else {
        const w = waiters.shift();
        if (w) w(m);
      }
    });
    child.on('exit', (code, signal) => {
      const detail = signal ? `killed by ${signal}` : `exited with code ${code}`;
      for (const l of listeners.splice(0)) l(detail);
      if (this.child === child) this.forget();
    });
    this.ready = this.nextMessage(STARTUP_TIMEOUT_MS).then((m) => {
      if (m.type === 'ready') return { backend: m.backend, reason: m.reason };
      throw new Error(m.type === 'startup-failed' ? m.message : `sandbox failed to start: ${JSON.stringify(m).slice(0, 200)}`);
    });
    return this.ready;
  }

  private nextMessage(timeoutMs: number): Promise<ChildMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sandbox did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
      const onExit = (detail: string): void => {
        clearTimeout(timer);
        reject(new Error(`sandbox process ${detail}`));
      };
      this.exitListeners.push(onExit);
      this.waiters.push((m) => {
        clearTimeout(timer);
        const i = this.exitListeners.indexOf(onExit);
        if (i >= 0) this.exitListeners.splice(i, 1);
        resolve(m);
      });
    });
  }

  /** Loads the implementation; remembered, so a restarted child loads it again. */
  async load(message: Extract<ParentMessage, { type: 'load-submission' | 'load-reference' }>): Promise<ChildMessage> {
    this.loadMessage = message;
    return this.ensureLoaded();
  }

  private async ensureLoaded(): Promise<ChildMessage> {
    await this.start();
    if (!this.loaded) {
      const reply = this.nextMessage(STARTUP_TIMEOUT_MS);
      this.child!.send(this.loadMessage!);
      this.loaded = reply;
    }
    return this.loaded;
  }

  /** Runs one request with a wall-clock limit; a hang or a crash is an outcome, not an exception. */
  async run(message: Omit<Extract<ParentMessage, { type: 'run' }>, 'id'>, timeoutSeconds: number): Promise<RunOutcome> {
    try {
      const loaded = await this.ensureLoaded();
      if (loaded.type === 'load-failed') return { status: 'failed', error: loaded.error };
    } catch (e) {
      return { status: 'crashed', detail: (e as Error).message };
    }
    const id = this.nextId++;
    const child = this.child!;
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.kill();
        resolve({ status: 'timeout', seconds: timeoutSeconds });
      }, timeoutSeconds * 1000);
      const onExit = (detail: string): void => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve({ status: 'crashed', detail });
      };
      this.exitListeners.push(onExit);
      this.pending.set(id, (m) => {
        clearTimeout(timer);
        const i = this.exitListeners.indexOf(onExit);
        if (i >= 0) this.exitListeners.splice(i, 1);
        if (m.type === 'result') {
          this.peakRssMb = Math.max(this.peakRssMb, m.peakRssMb);
          resolve({ status: 'ok', report: m });
        }
        else if (m.type === 'run-failed') resolve({ status: 'failed', error: m.error });
      });
      child.send({ ...message, id });
    });
  }

  /** What the implementation printed (truncated), labelled by the caller. */
  consoleOutput(): string {
    return this.consoleText + (this.consoleTruncated ? '\n[… output truncated]' : '');
  }

  private forget(): void {
    this.child = undefined;
    this.ready = undefined;
    this.loaded = undefined;
  }

  /** Kills the process now; the next request starts a fresh one. */
  kill(): void {
    const child = this.child;
    this.forget();
    child?.kill('SIGKILL');
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.disconnect();
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    });
  }
}
