import * as tf from '@tensorflow/tfjs';

// Captured when this module loads, before any implementation has run: code that patches
// Set.prototype, Array.prototype, Function.prototype.apply or Reflect cannot make the watch
// forget what it saw, nor change the lists it hands back (listOf).
const apply = Reflect.apply;
const reflectGet = Reflect.get;
const defineProperty = Reflect.defineProperty;
const setAdd = Set.prototype.add;
const setClear = Set.prototype.clear;
const setValues = Set.prototype.values;
const setIteratorNext = (Object.getPrototypeOf(new Set<string>().values()) as Iterator<string>).next;

/**
 * The entries of a Set as a new array, read without anything an implementation can patch: the
 * set's own iterator is called by captured functions, and each element is defined (not
 * assigned), so an index setter on Array.prototype cannot swallow it.
 */
export function listOf(set: Set<string>): string[] {
  const out: string[] = [];
  const it = apply(setValues, set, []) as Iterator<string>;
  for (let r = apply(setIteratorNext, it, []) as IteratorResult<string>; !r.done; r = apply(setIteratorNext, it, []) as IteratorResult<string>) {
    defineProperty(out, out.length, { __proto__: null, value: r.value, writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
  }
  return out;
}

/**
 * Records what an implementation uses while its own functions are on the stack: every kernel
 * that runs (whatever alias reached it: `tf.conv2d`, `tf.fused.conv2d` and a tensor method all
 * dispatch the same kernel) and every tf member or tensor method it touches by name.
 */
export class UsageWatch {
  private depth = 0;
  readonly kernels = new Set<string>();
  readonly names = new Set<string>();
  private readonly namespaceProxies = new Map<string, unknown>();

  /** Records a name (with the captured Set.prototype.add: see above). */
  private noteName(name: string): void {
    apply(setAdd, this.names, [name]);
  }

  /**
   * Wraps every kernel of every registered backend so that runs inside the implementation are
   * recorded. Every backend, not only the active one: `tf.setBackend('cpu')` or a direct call of
   * `tf.getKernel('Softmax', 'cpu').kernelFunc` would otherwise run a kernel nobody watches.
   */
  installKernelHooks(): void {
    const backends = new Set([tf.getBackend(), ...tf.engine().backendNames()]);
    for (const backendName of backends) {
      for (const config of tf.getKernelsForBackend(backendName)) {
        const original = config.kernelFunc;
        const name = config.kernelName;
        tf.unregisterKernel(name, backendName);
        tf.registerKernel({
          ...config,
          kernelFunc: (args) => {
            if (this.depth > 0) apply(setAdd, this.kernels, [name]);
            return original(args);
          },
        });
      }
    }
    this.installTensorMethodHooks();
  }

  /** Chained ops (`x.softmax()`) are aliases that bypass the namespace: record them too. */
  private installTensorMethodHooks(): void {
    const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
    const watch = this;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const desc = Object.getOwnPropertyDescriptor(proto, name);
      if (!desc || typeof desc.value !== 'function' || name === 'constructor') continue;
      if (typeof (tf as unknown as Record<string, unknown>)[name] !== 'function') continue;
      const original = desc.value as (...a: unknown[]) => unknown;
      proto[name] = function (this: unknown, ...args: unknown[]) {
        if (watch.depth > 0) watch.noteName(name);
        return apply(original, this, args);
      };
    }
  }

  /** The tf module as the student sees it: reading any member records its name. */
  studentTf(): typeof tf {
    return this.recording(tf, '') as typeof tf;
  }

  private recording(target: object, prefix: string): unknown {
    const cached = this.namespaceProxies.get(prefix);
    if (cached) return cached;
    const proxy = new Proxy(target, {
      get: (t, key, receiver) => {
        const value = reflectGet(t, key, receiver) as unknown;
        if (typeof key !== 'string') return value;
        this.noteName(prefix + key);
        if (prefix === '' && value !== null && typeof value === 'object' && !(value instanceof tf.Tensor)) {
          return this.recording(value, `${key}.`);
        }
        return value;
      },
    });
    this.namespaceProxies.set(prefix, proxy);
    return proxy;
  }

  /** Wraps an implementation's exported function so calls to it switch recording on. */
  wrap<F extends (...args: never[]) => unknown>(fn: F): F {
    const watch = this;
    const wrapped = function (this: unknown, ...args: Parameters<F>) {
      return watch.during(() => apply(fn, this, args));
    };
    return wrapped as unknown as F;
  }

  /**
   * Runs `fn` (the grader's own code around the implementation, which runs no kernel of its
   * own) with recording on: what the implementation does when the grader touches its values —
   * a getter, a tensor-like object's `dataSync`, a hook on tensor creation — is recorded too.
   */
  during<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  /** Names recorded before a request (the file's top-level code) that count for it too. */
  noteNames(names: readonly string[]): void {
    for (let i = 0; i < names.length; i++) this.noteName(names[i]!);
  }

  reset(): void {
    apply(setClear, this.kernels, []);
    apply(setClear, this.names, []);
  }
}
