import type * as tf from '@tensorflow/tfjs';
import { sameSeedTask } from '../shared/seeded-draws/task.ts';
import type { TaskTable } from '../../tasks/types.ts';

export const tasks: TaskTable = {
  /** addNoise twice with the seed and once with the next one. */
  noiseSeed: sameSeedTask((impl, [x, std], seed) => impl.addNoise(x as tf.Tensor, std as number, seed)),
};
