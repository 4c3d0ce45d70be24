import type { Live } from '../../../sandbox/tensors.ts';
import type { Impl, Task } from '../../../tasks/types.ts';

/**
 * A task for "the same seed gives the same draws": calls the seeded function twice with the
 * case's seed (its last argument) and once with the next seed. Judged by `sameSeedJudge`.
 */
export function sameSeedTask(call: (impl: Impl, args: Live[], seed: number) => unknown): Task {
  return (impl, args) => {
    const seed = args[args.length - 1] as number;
    return { first: call(impl, args, seed), again: call(impl, args, seed), otherSeed: call(impl, args, seed + 1) };
  };
}
