import * as tf from '@tensorflow/tfjs';
import { loadMnist } from '../datasets/index.ts';

/**
 * Consecutive training batches of MNIST for timing (no shuffling: the order does not change the
 * cost), shaped for a model whose input is `inputShape` ([784] or [28, 28, 1]); y one-hot.
 */
export function mnistBatches(batchSize: number, inputShape: number[]): (i: number) => { x: tf.Tensor; y: tf.Tensor } {
  const { train } = loadMnist();
  return (i) =>
    tf.tidy(() => {
      const start = (i * batchSize) % (train.count - batchSize);
      const x = tf.tensor2d(train.images.subarray(start * 784, (start + batchSize) * 784), [batchSize, 784]).reshape([batchSize, ...inputShape]);
      const y = tf.oneHot(tf.tensor1d(train.labels.subarray(start, start + batchSize), 'int32'), 10);
      return { x, y };
    });
}
