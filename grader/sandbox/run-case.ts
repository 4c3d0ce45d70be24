/**
 * One case of a request in the sandbox: the inputs made into tensors, the task run on the
 * implementation, the returned value read back as wire data, every tensor of the case disposed.
 */
import { types } from 'node:util';
import type { Wire } from '../basics/wire.ts';
import type { Impl, Task, TaskContext } from '../tasks/types.ts';
import { disposeAll, toLive, toWire, type Live } from './tensors.ts';
import type { UsageWatch } from './watch.ts';

// Captured at start-up: whether a value is a real promise (an internal slot, not `instanceof`).
const isPromise = types.isPromise;

/**
 * The task the api checks run ('call'): the grader's own code in it runs no kernel, so the whole
 * case is watched, not only the implementation's call. Work an implementation puts off until the
 * grader touches its inputs or its result (a hook on tensor creation, a getter, a tensor-like
 * object or an own `dataSync` computing tf.softmax when read) is then recorded like the rest.
 */
export const WHOLLY_WATCHED_TASK = 'call';

/** The case's value as wire data; throws what the task or the value threw. */
export async function runCase(task: Task, impl: Impl, wireArgs: Wire[], ctx: TaskContext, watch: UsageWatch, whollyWatched: boolean): Promise<Wire> {
  let args: Live[] = [];
  let result: unknown;
  try {
    if (whollyWatched) {
      return watch.during(() => {
        args = wireArgs.map(toLive);
        result = task(impl, args, ctx);
        return toWire(result);
      });
    }
    args = wireArgs.map(toLive);
    const out = task(impl, args, ctx);
    // Only a task's own promise is awaited: awaiting any other value would call a `then` the
    // implementation put on its result, after its call and outside the watch.
    result = isPromise(out) ? await out : out;
    return toWire(result);
  } finally {
    disposeAll(result, args);
  }
}
