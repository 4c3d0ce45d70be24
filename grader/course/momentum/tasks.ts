import { momentumStepper, optimizerTasks } from '../shared/optimizers/tasks.ts';

export const tasks = optimizerTasks(momentumStepper, (b) => ({ lr: Number(b.lr), gamma: Number(b.gamma) }));
