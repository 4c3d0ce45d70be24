/**
 * The sandbox's own count of live tensors, for the leak figure of each request. tfjs's
 * `tf.memory().numTensors` is engine state that a submission can rewrite
 * (`tf.engine().state.numTensors -= 5000`, a patched `Engine.prototype.memory`), so the count is
 * kept in this closure instead: the engine's own trackTensor and disposeTensor, wrapped and
 * pinned on the engine object before any student code runs, count every tensor tfjs starts and
 * stops tracking (every creation and disposal path of tfjs goes through them).
 */
import * as tf from '@tensorflow/tfjs';

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Installs the count (once, at start-up); returns its reader. */
export function installTensorCount(): () => number {
  const engine = tf.engine() as unknown as Record<string, Method>;
  const apply = Reflect.apply;
  const track = engine.trackTensor!;
  const dispose = engine.disposeTensor!;
  const weakHas = WeakSet.prototype.has;
  const weakAdd = WeakSet.prototype.add;
  const weakDelete = WeakSet.prototype.delete;
  const live = new WeakSet<object>();
  let count = 0;
  const pin = (key: string, value: Method): void => {
    Object.defineProperty(engine, key, { value, writable: false, configurable: false, enumerable: false });
  };
  pin('trackTensor', function trackTensor(this: unknown, ...args: unknown[]) {
    const result = apply(track, this, args);
    const t = args[0];
    if (typeof t === 'object' && t !== null && !apply(weakHas, live, [t])) {
      apply(weakAdd, live, [t]);
      count++;
    }
    return result;
  });
  pin('disposeTensor', function disposeTensor(this: unknown, ...args: unknown[]) {
    const result = apply(dispose, this, args);
    const t = args[0];
    if (typeof t === 'object' && t !== null && apply(weakDelete, live, [t])) count--;
    return result;
  });
  return () => count;
}
