import { trainImageModel } from './cnn.ts';
import type { TaskTable } from './types.ts';

export const tasks: TaskTable = {
  /** Trains the student's buildDenseNet(seed) on MNIST; returns its test predictions. */
  trainModel: trainImageModel('buildDenseNet'),
};
