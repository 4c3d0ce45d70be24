import type * as tf from '@tensorflow/tfjs';
import type { TaskTable } from './types.ts';

export const tasks: TaskTable = {
  /** addNoise twice with the seed and once with the next one. */
  noiseSeed(impl, args) {
    const [x, std, seed] = args as [tf.Tensor, number, number];
    return { first: impl.addNoise(x, std, seed), again: impl.addNoise(x, std, seed), otherSeed: impl.addNoise(x, std, seed + 1) };
  },
};
