/**
 * The api checks' evidence (which kernels and tf names ran) must hold against an implementation
 * that hides its work from the watch: deferred until the grader reads the result, done in a hook
 * on the grader's own tensor creation, run on a backend other than the active one, or recorded
 * into a Set whose prototype it patched. Each case computes tf.softmax one such way.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../backends/select.ts';
import { tensor, type Wire } from '../basics/wire.ts';
import { Rng } from '../basics/rng.ts';
import { commonTasks } from '../tasks/common.ts';
import { runCase, WHOLLY_WATCHED_TASK } from './run-case.ts';
import { listOf, UsageWatch } from './watch.ts';

type Softmax = (x: tf.Tensor2D) => unknown;

describe('runCase: what an api check sees', () => {
  const watch = new UsageWatch();
  let stf: typeof tf;
  const logits = (): Wire[] => [tensor([2, 3], [1, 2, 3, 0, -1, 5])];

  beforeAll(async () => {
    await selectBackend('wasm');
    watch.installKernelHooks();
    stf = watch.studentTf();
  });

  const undo: (() => void)[] = [];
  afterEach(async () => {
    for (const u of undo.splice(0).reverse()) u();
    if (tf.getBackend() !== 'wasm') await tf.setBackend('wasm');
  });

  /** Runs `softmax` as the 'call' task runs it; what ran, and the value or the error. */
  async function call(softmax: Softmax): Promise<{ kernels: string[]; names: string[]; value?: Wire; error?: string }> {
    watch.reset();
    const impl = { softmax: watch.wrap(softmax as (...a: never[]) => unknown) };
    const ctx = { exportName: 'softmax', options: { seed: 1 }, rng: (label: string) => new Rng(`1/${label}`) };
    let value: Wire | undefined;
    let error: string | undefined;
    try {
      value = await runCase(commonTasks[WHOLLY_WATCHED_TASK]!, impl, logits(), ctx, watch, true);
    } catch (e) {
      error = (e as Error).message;
    }
    return { kernels: listOf(watch.kernels), names: listOf(watch.names), value, error };
  }

  /** Softmax by the built-in, through the tensor method (so no namespace name is read). */
  const builtin = (x: tf.Tensor): Float32Array => {
    const s = (x as unknown as { softmax(): tf.Tensor }).softmax();
    const d = s.dataSync() as Float32Array;
    s.dispose();
    return d;
  };

  it('when the returned tensor computes tf.softmax in its own dataSync, read after the call, then the kernel is recorded', async () => {
    const u = await call((x) => {
      const out = stf.zeros(x.shape);
      (out as unknown as { dataSync: () => Float32Array }).dataSync = () => builtin(x);
      return out;
    });
    expect(u.error).toBeUndefined();
    expect(u.kernels).toContain('Softmax');
  });

  it('when it returns a tensor-like object whose data comes from tf.softmax then the kernel is recorded', async () => {
    const u = await call((x) => ({ shape: x.shape, dtype: 'float32', isDisposed: false, data: () => undefined, throwIfDisposed: () => undefined, dispose: () => undefined, dataSync: () => builtin(x) }));
    expect(u.kernels).toContain('Softmax');
  });

  it('when it returns a thenable then its then is never called and the value is refused', async () => {
    let called = false;
    const u = await call((x) => ({ then: (resolve: (v: unknown) => void) => { called = true; resolve(stf.softmax(x)); } }));
    expect(called).toBe(false);
    expect(u.error).toMatch(/expected a tensor/);
  });

  it('when a hook on tensor creation computes tf.softmax of the grader\'s inputs before the call then the kernel is recorded', async () => {
    const engine = tf.engine() as unknown as { makeTensor: (...a: unknown[]) => tf.Tensor };
    const make = engine.makeTensor;
    const stash = new Map<number, Float32Array>();
    let inside = false;
    engine.makeTensor = function (this: unknown, ...a: unknown[]) {
      const t = Reflect.apply(make, this, a) as tf.Tensor;
      // Only the grader's tensors, made before the call: nothing runs while the function does.
      if (!inside && t.rank === 2) stash.set(t.id, builtin(t));
      return t;
    };
    undo.push(() => delete (engine as Partial<typeof engine>).makeTensor);
    const u = await call((x) => {
      inside = true;
      try {
        return stf.tensor(stash.get(x.id) ?? [], x.shape);
      } finally {
        inside = false;
      }
    });
    expect(u.error).toBeUndefined();
    expect(u.kernels).toContain('Softmax');
  });

  it('when it switches to the cpu backend, or calls the cpu backend\'s Softmax kernel itself, then the kernel is recorded', async () => {
    await tf.setBackend('cpu');
    const onCpu = await call((x) => stf.softmax(x));
    expect(onCpu.kernels).toContain('Softmax');
    await tf.setBackend('wasm');
    const direct = await call((x) => {
      const cpu = stf.findBackend('cpu') as unknown as { write: (...a: unknown[]) => object; readSync: (id: object) => Float32Array };
      const dataId = cpu.write(x.dataSync(), x.shape, 'float32');
      const out = stf.getKernel('Softmax', 'cpu')!.kernelFunc({ inputs: { logits: { dataId, shape: x.shape, dtype: 'float32' } as never }, backend: cpu as never, attrs: { dim: -1 } }) as tf.TensorInfo;
      return stf.tensor(cpu.readSync(out.dataId), x.shape);
    });
    expect(direct.kernels).toContain('Softmax');
  });

  it('when it patches Set.prototype.add, the Set iterator and an Array index setter then the watch still records and lists the softmax', () => {
    const add = Set.prototype.add;
    const iterator = Set.prototype[Symbol.iterator];
    const values = Set.prototype.values;
    const hide = (v: unknown): boolean => typeof v === 'string' && /softmax/i.test(v);
    watch.reset();
    let listed: { kernels: string[]; names: string[] };
    // Synchronous from patch to undo: the test runner's own code must never meet the patches.
    Set.prototype.add = function (this: Set<unknown>, v: unknown) {
      return hide(v) ? this : Reflect.apply(add, this, [v]);
    };
    Set.prototype[Symbol.iterator] = Set.prototype.values = function* (this: Set<unknown>) {
      for (const v of Reflect.apply(values, this, []) as Iterable<unknown>) if (!hide(v)) yield v;
    } as never;
    try {
      tf.tidy(() => {
        watch.wrap(() => stf.softmax(stf.tensor2d([[1, 2, 3]])))();
      });
      // An index setter breaks tfjs itself, so it is set for the listing only.
      Object.defineProperty(Array.prototype, '0', { set() {}, configurable: true });
      listed = { kernels: listOf(watch.kernels), names: listOf(watch.names) };
    } finally {
      Set.prototype.add = add;
      Set.prototype[Symbol.iterator] = iterator;
      Set.prototype.values = values;
      delete (Array.prototype as unknown as Record<string, unknown>)['0'];
    }
    expect(listed.kernels).toContain('Softmax');
    expect(listed.names).toContain('softmax');
  });
});
