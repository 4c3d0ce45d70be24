/**
 * What the student sandbox takes away from itself before any student code runs, for what
 * Node 20's permission model does not cover (it covers the file system, child processes,
 * workers, WASI, the inspector, native addons and `process.binding`):
 * - signals: `process.kill` / `process._kill` may only target the process itself;
 * - the network: TCP, UDP, DNS, unix sockets and every module built on them (`http`, `https`,
 *   `http2`, `tls`, `fetch`) refuse with a message. Where the host allows it the process also
 *   runs in an empty network namespace (see launch.ts), so this is the second line there.
 * Each replaced property is made non-writable and non-configurable, so it cannot be put back.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

export class SandboxDenied extends Error {
  constructor(what: string) {
    super(`${what} is not available in the grading sandbox`);
    this.name = 'SandboxDenied';
  }
}

function pin(target: object, key: PropertyKey, value: unknown): void {
  try {
    Object.defineProperty(target, key, { value, writable: false, configurable: false, enumerable: false });
  } catch {
    // Already pinned (a second lockdown) or not configurable by Node itself: nothing to do.
  }
}

function denyAll(target: object | undefined, keys: string[], what: string): void {
  if (!target) return;
  for (const key of keys) {
    pin(target, key, function denied(): never {
      throw new SandboxDenied(`${what}.${key}`);
    });
  }
}

function functionKeys(o: object): string[] {
  return Object.getOwnPropertyNames(o).filter((k) => k !== 'constructor' && typeof Object.getOwnPropertyDescriptor(o, k)?.value === 'function');
}

export function lockDown(): void {
  // Signals: only to itself (which is the same as crashing).
  const kill = process.kill.bind(process);
  const self = process.pid;
  const ownOnly = function kill(pid: number, signal?: string | number): true {
    if (Number(pid) !== self) throw new SandboxDenied(`process.kill(${String(pid)})`);
    return kill(pid, signal);
  };
  pin(process, 'kill', ownOnly);
  pin(process, '_kill', function _kill(): never {
    throw new SandboxDenied('process._kill');
  });

  // Network: the public entry points, then the handle classes behind them.
  denyAll(net, ['connect', 'createConnection', '_createServerHandle'], 'net');
  denyAll(net.Socket.prototype, ['connect'], 'net.Socket');
  denyAll(net.Server.prototype, ['listen'], 'net.Server');
  // Unix sockets are not covered by the permission model in Node 20 and live outside any network
  // namespace: the Pipe class is reachable from process.stdout._handle and process.channel.
  void process.stderr;
  const pipeHandles = [(process.stdout as unknown as { _handle?: object })._handle, (process as unknown as { channel?: object }).channel];
  for (const h of pipeHandles) if (h) denyAll(Object.getPrototypeOf(h) as object, ['connect', 'bind', 'listen'], 'Pipe');
  // dgram creates its UDP handle in the constructor: deny the methods of the handle class too.
  try {
    const s = dgram.createSocket('udp4');
    const state = Object.getOwnPropertySymbols(s).map((k) => (s as unknown as Record<symbol, { handle?: object }>)[k]).find((v) => v && typeof v === 'object' && 'handle' in v);
    const handle = state?.handle;
    s.close();
    if (handle) denyAll(Object.getPrototypeOf(handle) as object, ['bind', 'bind6', 'connect', 'connect6', 'send', 'send6', 'open', 'recvStart'], 'UDP');
  } catch {
    // No UDP at all is fine.
  }
  denyAll(dgram, ['createSocket'], 'dgram');
  denyAll(dgram.Socket.prototype, ['bind', 'connect', 'send', 'sendto'], 'dgram.Socket');
  // DNS: every function of the module and its promise API, and the c-ares channel class.
  try {
    const resolver = new dns.Resolver() as unknown as { _handle?: object };
    if (resolver._handle) denyAll(Object.getPrototypeOf(resolver._handle) as object, functionKeys(Object.getPrototypeOf(resolver._handle) as object), 'dns');
  } catch {
    // ignore
  }
  denyAll(dns.Resolver.prototype, functionKeys(dns.Resolver.prototype), 'dns.Resolver');
  denyAll(dns.promises.Resolver.prototype, functionKeys(dns.promises.Resolver.prototype), 'dns.promises.Resolver');
  denyAll(dns, functionKeys(dns).filter((k) => k !== 'Resolver'), 'dns');
  denyAll(dns.promises, functionKeys(dns.promises).filter((k) => k !== 'Resolver'), 'dns.promises');
}
