import { trainImageModel } from '../cnn/tasks.ts';
import type { TaskTable } from '../../tasks/types.ts';

export const tasks: TaskTable = {
  /** Trains the student's buildDenseNet(seed) on MNIST; returns its test predictions. */
  trainModel: trainImageModel('buildDenseNet'),
};
