import { optimizerTasks, sgdStepper } from '../shared/optimizers/tasks.ts';

export const tasks = optimizerTasks(sgdStepper, (b) => ({ lr: Number(b.lr) }));
