import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { BackendChoice, BackendName } from '../backends/names.ts';
import type { Writable } from 'node:stream';
import { cleanText } from '../text/clean.ts';
import { encodeRequest, newToken, REQUEST_FD, ResultReader, TOKEN_ENV } from './channel.ts';
import { monitorSandbox, type Monitor } from './monitor.ts';
import { watchTimeLimit } from './time-limit.ts';
import { confinementOf, FILE_LIMIT_MB, studentLaunch, type Confinement } from './launch.ts';
import type { ChildMessage, ErrorInfo, ParentMessage, ProgressReport, RunReport } from './protocol.ts';
import { childRuntime, tasksRuntime } from './runtime.ts';
import { checkMessage } from './validate.ts';

const CHILD_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.ts');
const TSX_LOADER = import.meta.resolve('tsx/esm');
const STARTUP_TIMEOUT_MS = 60_000;
/** How much of the implementation's console output is kept, per grade. */
const CONSOLE_LIMIT = 4_000;
/** How much of the end of stderr is kept to tell how a process died (V8's out-of-memory report). */
const STDERR_TAIL = 4_000;
const V8_OUT_OF_MEMORY = /JavaScript heap out of memory|Fatal process out of memory|Reached heap limit|Allocation failed - process out of memory/;
/** `setpriv --pdeathsig`: the sandbox dies with the grader, even when the grader is killed outright. */
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));

export type RunOutcome =
  | { status: 'ok'; report: RunReport }
  | { status: 'failed'; error: ErrorInfo }
  /** `detail`: what the clocks read, when the machine was busy or the code stopped using the CPU (time-limit.ts). */
  | { status: 'timeout'; seconds: number; detail?: string }
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
  /** Resolves a close() waiting for a process to be gone (its scratch folder removed). */
  private finished = new WeakMap<ChildProcess, () => void>();
  /** How the sandbox is confined (student role). */
  readonly confinement: Confinement | undefined;
  /** The highest peak memory of this worker's processes, measured from outside (monitor.ts), in MB. */
  peakRssMb = 0;
  /** The current process's request pipe (fd 3). */
  private requests: Writable | undefined;
  private monitor: Monitor | undefined;
  /** Told how far a running request got (progress line only: never used for a verdict). */
  onProgress: ((p: ProgressReport) => void) | undefined;
  /** Where the last takeConsole() stopped. */
  private consoleMark = 0;
  /** Time allowed to evaluate the submission's file (its top-level code). */
  private loadTimeoutMs = STARTUP_TIMEOUT_MS;

  constructor(readonly backend: BackendChoice, readonly role: 'student' | 'trusted') {
    if (role === 'student') this.confinement = confinementOf(backend);
  }

  /** Starts the process: the student's confined (launch.ts), the trusted one as before. */
  private async spawnChild(token: string): Promise<{ child: ChildProcess; scratch?: string }> {
    // fd 3: requests (parent → child, never read by the parent); fd 4: results (token frames).
    // No Node IPC channel: it would deserialize whatever the child writes, inside the parent.
    const stdio: 'pipe'[] = ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'];
    if (this.role === 'trusted') {
      const child = spawn(process.execPath, ['--import', TSX_LOADER, '--no-warnings', CHILD_ENTRY, this.backend, 'trusted'], {
        stdio,
        env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2', [TOKEN_ENV]: token },
      });
      return { child };
    }
    const entry = await childRuntime();
    const plan = studentLaunch(entry, this.backend, { TF_CPP_MIN_LOG_LEVEL: '2', [TOKEN_ENV]: token });
    const [command, args] = SETPRIV ? [SETPRIV, ['--pdeathsig', 'KILL', '--', plan.command, ...plan.args]] : [plan.command, plan.args];
    const child = spawn(command, args, { stdio, detached: true, env: plan.env, cwd: plan.scratch });
    return { child, scratch: plan.scratch };
  }

  /** The backend the child actually runs on (auto resolved). */
  start(): Promise<{ backend: BackendName; reason: string }> {
    if (this.ready) return this.ready;
    const token = newToken();
    const generation = this.generation;
    this.ready = this.spawnChild(token).then(({ child, scratch }) => {
      if (generation !== this.generation) {
        // kill() came while the process was being started: it must not live on.
        child.on('exit', () => scratch && fs.rmSync(scratch, { recursive: true, force: true }));
        child.on('error', () => undefined);
        this.killChild(child);
        throw new Error('the sandbox was stopped while it started');
      }
      return this.attach(child, token, scratch);
    });
    return this.ready;
  }

  private attach(child: ChildProcess, token: string, scratch: string | undefined): Promise<{ backend: BackendName; reason: string }> {
    this.child = child;
    // Listeners belong to this child: a killed child's late exit must not touch its successor.
    const listeners: ((detail: string) => void)[] = [];
    const waiters: ((m: ChildMessage) => void)[] = [];
    this.exitListeners = listeners;
    this.waiters = waiters;
    let stderrTail = '';
    let note: string | undefined;
    const capture = (chunk: Buffer): void => {
      const room = CONSOLE_LIMIT - this.consoleText.length;
      if (room > 0) this.consoleText += chunk.subarray(0, room * 4).toString('utf8').slice(0, room);
      if (chunk.length > room) this.consoleTruncated = true;
    };
    child.stdin?.on('error', () => undefined);
    child.stdin?.end();
    child.stdout!.on('data', capture);
    child.stderr!.on('data', (chunk: Buffer) => {
      capture(chunk);
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    // The request pipe is written by the parent only; anything the child writes back is dropped unread.
    const requests = child.stdio[REQUEST_FD] as (Readable & Writable) | null;
    requests?.on('error', () => undefined);
    requests?.on('data', () => undefined);
    this.requests = requests ?? undefined;
    child.on('error', () => undefined);
    const monitor: Monitor | undefined = child.pid !== undefined && this.role === 'student' ? monitorSandbox(child.pid, scratch, (why) => {
      note = `it ${why}`;
      this.killChild(child);
    }) : undefined;
    this.monitor = monitor;
    const reader = new ResultReader(
      token,
      (raw) => {
        const m = checkMessage(raw, this.pending);
        if (typeof m === 'string') {
          note = `it sent the grader a malformed message (${m})`;
          this.killChild(child);
          return;
        }
        if (m.type === 'progress') {
          this.onProgress?.(m);
          return;
        }
        if (m.type === 'fatal') {
          const e = m.error;
          note = e.outOfMemory ? this.outOfMemory() : `${m.what}${e.where ? ` at ${e.where}` : ''}: ${e.name}: ${e.message}`;
          return;
        }
        if ((m.type === 'result' || m.type === 'run-failed') && this.pending.has(m.id)) {
          const resolve = this.pending.get(m.id)!;
          this.pending.delete(m.id);
          resolve(m);
        } else {
          const w = waiters.shift();
          if (w) w(m);
        }
      },
      (why) => {
        note = why.startsWith('it ') ? why : `it tampered with the grader's result channel: ${why}`;
        this.killChild(child);
      },
    );
    const results = child.stdio[4] as Readable | null;
    results?.on('data', (chunk: Buffer) => reader.push(chunk));
    results?.on('error', () => undefined);
    // On 'exit' a last message (how it died) may still be in the pipe: finish when both are done.
    // (Not 'close': it waits for every stdio pipe, and the request pipe may stay open from this side.)
    let exited: [number | null, NodeJS.Signals | null] | undefined;
    let pipeClosed = !results;
    const finish = (): void => {
      if (!exited || !pipeClosed) return;
      const [code, signal] = exited;
      let detail = note;
      if (!detail && this.role === 'student' && V8_OUT_OF_MEMORY.test(stderrTail)) detail = this.outOfMemory();
      // Under the memory cap a failed allocation inside V8 or the wasm runtime can surface as a segfault, not an error.
      if (!detail && this.role === 'student' && (signal === 'SIGSEGV' || signal === 'SIGBUS')) detail = `killed by ${signal}, most likely because it ${this.outOfMemory()}`;
      if (!detail && signal === 'SIGXFSZ') detail = `it wrote a file larger than ${FILE_LIMIT_MB} MB`;
      if (monitor) {
        this.peakRssMb = Math.max(this.peakRssMb, monitor.peakRssMb());
        monitor.stop();
      }
      if (!detail) detail = signal ? `killed by ${signal}` : `exited with code ${code}`;
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
      for (const l of listeners.splice(0)) l(detail);
      if (this.child === child) this.forget();
      this.finished.get(child)?.();
    };
    results?.on('close', () => {
      pipeClosed = true;
      finish();
    });
    child.on('exit', (code, signal) => {
      exited = [code, signal];
      finish();
    });
    return this.nextMessage(STARTUP_TIMEOUT_MS).then((m) => {
      if (m.type === 'ready') return { backend: m.backend, reason: m.reason };
      throw new Error(m.type === 'startup-failed' ? m.message : `sandbox failed to start: ${m.type}`);
    });
  }

  private outOfMemory(): string {
    return `ran out of memory (cap ${this.confinement?.memoryCapMb ?? '?'} MB)`;
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
  async load(message: Extract<ParentMessage, { type: 'load-submission' | 'load-reference' }>, timeoutSeconds?: number): Promise<ChildMessage> {
    // The student sandbox imports the exercise's task table before the submission (child.ts).
    this.loadMessage = message;
    if (message.type === 'load-submission' && message.exercise && this.role === 'student') {
      try {
        this.loadMessage = { ...message, tasksModule: (await tasksRuntime(message.exercise)) ?? null };
      } catch {
        // Not built: the first run builds it again and fails as the grader's error, not the student's.
      }
    }
    if (timeoutSeconds !== undefined) this.loadTimeoutMs = Math.max(1, Math.min(STARTUP_TIMEOUT_MS / 1000, timeoutSeconds)) * 1000;
    return this.ensureLoaded();
  }

  /** One request frame on the child's request pipe (never Node IPC: see spawnChild). */
  private send(message: ParentMessage): void {
    this.requests?.write(encodeRequest(message), () => undefined);
  }

  private async ensureLoaded(): Promise<ChildMessage> {
    await this.start();
    if (!this.loaded) {
      const reply = this.nextMessage(this.loadTimeoutMs);
      this.send(this.loadMessage!);
      this.loaded = reply;
    }
    return this.loaded;
  }

  /** Runs one request with a time limit (CPU time, see time-limit.ts); a hang or a crash is an outcome, not an exception. */
  async run(message: Omit<Extract<ParentMessage, { type: 'run' }>, 'id'>, timeoutSeconds: number): Promise<RunOutcome> {
    try {
      const loaded = await this.ensureLoaded();
      if (loaded.type === 'load-failed') return { status: 'failed', error: loaded.error };
    } catch (e) {
      return { status: 'crashed', detail: (e as Error).message };
    }
    const tasksModule = this.role === 'student' ? ((await tasksRuntime(message.exercise)) ?? null) : undefined;
    const id = this.nextId++;
    const child = this.child;
    if (!child) return { status: 'crashed', detail: 'the sandbox process stopped' };
    const started = performance.now();
    return new Promise<RunOutcome>((settle) => {
      // A moment for the console output written before the result (its own pipe) to arrive,
      // so that it is counted with this request and not the next.
      const resolve = (o: RunOutcome): void => void setTimeout(() => settle(o), 10);
      // The limit counts the CPU time the sandbox got (time-limit.ts).
      const limit = watchTimeLimit(timeoutSeconds, child.pid, (stop) => {
        this.pending.delete(id);
        this.kill();
        resolve({ status: 'timeout', seconds: timeoutSeconds, ...(stop.detail ? { detail: stop.detail } : {}) });
      });
      const onExit = (detail: string): void => {
        limit.clear();
        this.pending.delete(id);
        resolve({ status: 'crashed', detail });
      };
      this.exitListeners.push(onExit);
      this.pending.set(id, (m) => {
        limit.clear();
        const i = this.exitListeners.indexOf(onExit);
        if (i >= 0) this.exitListeners.splice(i, 1);
        const oom = m.type === 'run-failed' ? m.error.outOfMemory : m.type === 'result' && m.outcomes.some((o) => !o.ok && o.error.outOfMemory);
        if (m.type === 'result' && m.outcomes.length !== message.cases.length) {
          this.kill();
          resolve({ status: 'crashed', detail: 'it sent the grader a malformed message (wrong number of outcomes)' });
        } else if (oom) {
          // A failed allocation may leave the wasm heap unusable: the next check gets a fresh process.
          this.kill();
          resolve({ status: 'crashed', detail: this.outOfMemory() });
        } else if (m.type === 'result') {
          const ms = performance.now() - started;
          const peakRssMb = this.monitor?.peakRssMb() ?? 0;
          this.peakRssMb = Math.max(this.peakRssMb, peakRssMb);
          resolve({ status: 'ok', report: { ...m, ms, peakRssMb } });
        }
        else if (m.type === 'run-failed') resolve({ status: 'failed', error: m.error });
      });
      this.send({ ...message, id, tasksModule });
    });
  }

  /** What the implementation printed (truncated, control sequences removed), labelled by the caller. */
  consoleOutput(): string {
    return cleanText(this.consoleText, CONSOLE_LIMIT) + (this.consoleTruncated ? '\n[… output truncated]' : '');
  }

  /** What it printed since the last call: the console of one check, kept apart from the others. */
  takeConsole(): string {
    const text = this.consoleText.slice(this.consoleMark);
    this.consoleMark = this.consoleText.length;
    const truncated = this.consoleTruncated && this.consoleMark >= CONSOLE_LIMIT && text.length > 0;
    return cleanText(text, CONSOLE_LIMIT) + (truncated ? '\n[… output truncated]' : '');
  }

  /** Bumped by kill(): a process still being spawned from an older generation is killed on arrival. */
  private generation = 0;

  private forget(): void {
    this.child = undefined;
    this.ready = undefined;
    this.loaded = undefined;
    this.requests = undefined;
    this.monitor = undefined;
  }

  /** Kills the process (for the student, its whole process group) now; the next request starts a fresh one. */
  kill(): void {
    const child = this.child;
    this.generation++;
    this.forget();
    if (child) this.killChild(child);
  }

  private killChild(child: ChildProcess): void {
    try {
      if (this.role === 'student' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  async close(): Promise<void> {
    if (!this.child && this.ready) await this.ready.catch(() => undefined);
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      this.finished.set(child, resolve);
      // Closing the request pipe tells the child to exit.
      (child.stdio[REQUEST_FD] as Writable | null)?.end();
      setTimeout(() => this.killChild(child), 2000).unref();
    });
  }
}
