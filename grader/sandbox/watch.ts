import * as tf from '@tensorflow/tfjs';

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

  /** Wraps every kernel of the active backend so that runs inside the implementation are recorded. */
  installKernelHooks(): void {
    const backendName = tf.getBackend();
    for (const config of tf.getKernelsForBackend(backendName)) {
      const original = config.kernelFunc;
      const name = config.kernelName;
      tf.unregisterKernel(name, backendName);
      tf.registerKernel({
        ...config,
        kernelFunc: (args) => {
          if (this.depth > 0) this.kernels.add(name);
          return original(args);
        },
      });
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
        if (watch.depth > 0) watch.names.add(name);
        return original.apply(this, args);
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
        const value = Reflect.get(t, key, receiver) as unknown;
        if (typeof key !== 'string') return value;
        this.names.add(prefix + key);
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
      watch.depth++;
      try {
        return fn.apply(this, args);
      } finally {
        watch.depth--;
      }
    };
    return wrapped as unknown as F;
  }

  reset(): void {
    this.kernels.clear();
    this.names.clear();
  }
}
